package dev.ragfn.embedding;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.runtime.Backends;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Builds the configured LangChain4j embedding model and the tokenizer that counts tokens the way
 * that model does, so chunks are sized to what the model reads.
 */
public final class EmbeddingModels {

    public static final int MINILM_DIMENSION = 384;
    /** The most any in-process model reads of a text (all-MiniLM-L6-v2's 256; bge reads 510): chunks must fit. */
    public static final int IN_PROCESS_MAX_TOKENS = 256;
    static final String MINILM_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private EmbeddingModels() {
    }

    /** The configured model, from the embedding backends the package's modules register (see {@link EmbeddingBackend}). */
    public static EmbeddingModel create(RagfnConfig config) {
        return backend(config).create(config);
    }

    /**
     * A function that includes an embedding module (in-process, bedrock) fails at start, not at its
     * first event, when configuration names a provider whose module it does not include.
     */
    public static void checkProvider(RagfnConfig config) {
        if (Backends.available(EmbeddingBackend.class).stream().anyMatch(b -> b.provider() != RagfnConfig.EmbeddingProvider.OPENAI)) {
            backend(config);
        }
    }

    private static EmbeddingBackend backend(RagfnConfig config) {
        RagfnConfig.EmbeddingProvider provider = config.embedding().provider();
        return Backends.select(EmbeddingBackend.class, EmbeddingBackend::provider, provider, "ragfn.embedding.provider",
                switch (provider) {
                    case IN_PROCESS -> "ragfn-embedding-onnx";
                    case OPENAI -> "ragfn-core";
                    case BEDROCK -> "ragfn-bedrock";
                });
    }

    /**
     * Counts tokens with the in-process model's own WordPiece tokenizer: its tokenizer.json, run by
     * a Java reimplementation that the tests check against the Rust tokenizer, without truncating
     * at the model's input length. For remote models the same BERT-style count is a close, slightly
     * conservative estimate.
     */
    public static TokenCountEstimator tokenizer() {
        try (InputStream in = minilmResource(MINILM_TOKENIZER)) {
            return WordPieceTokenCounter.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the embedding tokenizer " + MINILM_TOKENIZER, e);
        }
    }

    /**
     * A file of the all-MiniLM-L6-v2 jar that this module's build copies beside its classes (its
     * tokenizer): ingest counts tokens without the 90 MB model jar.
     */
    static InputStream minilmResource(String name) {
        return resource(name, "dev.ragfn:ragfn-core (its build copies the tokenizer)");
    }

    /** A file of an in-process model's jar, through the class loader (the jar's model class would load its own copy). */
    public static InputStream resource(String name, String artifact) {
        InputStream in = EmbeddingModels.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path; add " + artifact);
        }
        return in;
    }
}
