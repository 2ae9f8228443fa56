package dev.ragfn.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragfn.store.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 on ONNX Runtime, as LangChain4j's own model class runs it, with two changes:
 * <ul>
 *   <li>the session's worker threads sleep when idle. By default they spin for a while after each
 *   inference, burning the CPU that parsing, chunking and indexing the next documents need;</li>
 *   <li>the tokenizer reads the whole text. The tokenizer.json shipped with the model truncates at
 *   128 tokens, so LangChain4j's class embeds only the start of a 200-token chunk: the rest is
 *   never searchable by meaning. Without it, texts up to the model's 512 positions are read whole.</li>
 * </ul>
 */
final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2.onnx";

    private static final OnnxBertBiEncoder ENCODER = load();

    MiniLmEmbeddingModel() {
        super(null);
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return ENCODER;
    }

    @Override
    protected Integer knownDimension() {
        return EmbeddingModels.MINILM_DIMENSION;
    }

    private static InputStream withoutTruncation(InputStream tokenizerJson) throws IOException {
        ObjectNode tokenizer = (ObjectNode) Json.mapper().readTree(tokenizerJson);
        // DJL takes its length limit from either setting; without both it allows the model's 512.
        tokenizer.putNull("truncation");
        tokenizer.putNull("padding");
        return new ByteArrayInputStream(Json.mapper().writeValueAsBytes(tokenizer));
    }

    private static OnnxBertBiEncoder load() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream model = EmbeddingModels.minilmResource(MODEL);
             InputStream tokenizer = EmbeddingModels.minilmResource(EmbeddingModels.MINILM_TOKENIZER)) {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, withoutTruncation(tokenizer), PoolingMode.MEAN);
        } catch (OrtException e) {
            throw new IllegalStateException("Failed to load the in-process embedding model " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the in-process embedding model " + MODEL, e);
        }
    }
}
