package dev.ragfn.embedding;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.bedrock.BedrockTitanEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.bedrock.BedrockClients;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.InvalidInputException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Builds the configured LangChain4j embedding model and the tokenizer that counts tokens the way
 * that model does, so chunks are sized to what the model reads.
 */
public final class EmbeddingModels {

    static final int MINILM_DIMENSION = 384;
    /** The most any in-process model reads of a text (all-MiniLM-L6-v2's 256; bge reads 510): chunks must fit. */
    public static final int IN_PROCESS_MAX_TOKENS = 256;
    static final String MINILM_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private static final String OPENAI_DEFAULT_MODEL = "text-embedding-3-small";
    private static final String BEDROCK_DEFAULT_MODEL = "amazon.titan-embed-text-v2:0";
    private static final String TITAN_TEXT_PREFIX = "amazon.titan-embed-text-";
    private static final String TITAN_V2_PREFIX = "amazon.titan-embed-text-v2";
    private static final List<Integer> TITAN_V2_DIMENSIONS = List.of(256, 512, 1024);

    private EmbeddingModels() {
    }

    /** The configured model; Bedrock credentials come from the AWS default chain (environment, profile, role). */
    public static EmbeddingModel create(RagfnConfig config) {
        return create(config, DefaultCredentialsProvider.builder().build());
    }

    public static EmbeddingModel create(RagfnConfig config, AwsCredentialsProvider bedrockCredentials) {
        RagfnConfig.Embedding embedding = config.embedding();
        return switch (embedding.provider()) {
            case IN_PROCESS -> inProcess(embedding);
            case OPENAI -> openAi(embedding);
            case BEDROCK -> bedrock(embedding, config.bedrock(), bedrockCredentials);
        };
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

    private static EmbeddingModel inProcess(RagfnConfig.Embedding config) {
        String name = config.model().orElse(InProcessModel.ALL_MINILM_L6_V2.configName());
        InProcessModel model = InProcessModel.named(name).orElseThrow(() -> new InvalidInputException(
                "ragfn.embedding.model is " + name + " but the in-process models are "
                        + Arrays.stream(InProcessModel.values()).map(InProcessModel::configName).toList()));
        if (config.dimension() != model.dimension()) {
            throw new InvalidInputException("the in-process model " + model.configName() + " produces "
                    + model.dimension() + "-dimensional vectors but ragfn.embedding.dimension is "
                    + config.dimension() + "; set it to " + model.dimension() + " or use a remote provider");
        }
        return new InProcessEmbeddingModel(model);
    }

    private static EmbeddingModel openAi(RagfnConfig.Embedding config) {
        var model = new OpenAiCompatibleEmbeddingModel(config.baseUrl(), config.model().orElse(OPENAI_DEFAULT_MODEL),
                config.apiKey(), config.sendDimension() ? Optional.of(config.dimension()) : Optional.empty(),
                config.batchSize(), config.timeout());
        return new RemoteEmbeddingModel(model, model.toString(), config.dimension());
    }

    /** Titan takes one text per call; the SDK retries throttled calls, since a document makes many. */
    private static EmbeddingModel bedrock(RagfnConfig.Embedding config, RagfnConfig.Bedrock bedrock,
                                          AwsCredentialsProvider credentials) {
        String modelId = config.model().orElse(BEDROCK_DEFAULT_MODEL);
        if (!modelId.startsWith(TITAN_TEXT_PREFIX)) {
            throw new InvalidInputException("provider bedrock speaks the request format of Amazon Titan Text Embeddings ("
                    + TITAN_TEXT_PREFIX + "*) but ragfn.embedding.model is " + modelId);
        }
        // V1 has one fixed size and refuses the parameter; V2 is asked for the configured one.
        boolean titanV2 = modelId.startsWith(TITAN_V2_PREFIX);
        if (titanV2 && !TITAN_V2_DIMENSIONS.contains(config.dimension())) {
            throw new InvalidInputException(modelId + " returns vectors of " + TITAN_V2_DIMENSIONS
                    + " dimensions but ragfn.embedding.dimension is " + config.dimension());
        }
        BedrockRuntimeClient client = BedrockClients.build(
                BedrockRuntimeClient.builder().httpClientBuilder(Apache5HttpClient.builder()),
                bedrock.region(), bedrock.endpoint(), credentials, config.timeout(), true);
        EmbeddingModel titan = BedrockTitanEmbeddingModel.builder()
                .client(client).model(modelId).dimensions(titanV2 ? config.dimension() : null)
                // The SDK already retried what is worth retrying.
                .maxRetries(0)
                .build();
        return new RemoteEmbeddingModel(titan, "model " + modelId + " on "
                + BedrockClients.describe(bedrock.region(), bedrock.endpoint()), config.dimension());
    }

    /**
     * A file of the all-MiniLM-L6-v2 jar. Read through the class loader: touching a model class
     * would load the 90 MB model, and ingest needs only the tokenizer.
     */
    static InputStream minilmResource(String name) {
        return resource(InProcessModel.ALL_MINILM_L6_V2, name);
    }

    /** A file of an in-process model's jar, through the class loader (the jar's model class would load its own copy). */
    static InputStream resource(InProcessModel model, String name) {
        InputStream in = EmbeddingModels.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path; add " + model.artifact());
        }
        return in;
    }
}
