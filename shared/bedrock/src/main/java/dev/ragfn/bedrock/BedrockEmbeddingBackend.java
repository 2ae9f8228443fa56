package dev.ragfn.bedrock;

import dev.langchain4j.model.bedrock.BedrockTitanEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.embedding.EmbeddingBackend;
import dev.ragfn.embedding.RemoteEmbeddingModel;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.util.List;
import java.util.Optional;

/** ragfn.embedding.provider=bedrock: Amazon Titan Text Embeddings, credentials from the AWS default chain. */
public final class BedrockEmbeddingBackend implements EmbeddingBackend {

    private static final String DEFAULT_MODEL = "amazon.titan-embed-text-v2:0";
    private static final String TITAN_TEXT_PREFIX = "amazon.titan-embed-text-";
    private static final String TITAN_V2_PREFIX = "amazon.titan-embed-text-v2";
    private static final List<Integer> TITAN_V2_DIMENSIONS = List.of(256, 512, 1024);

    @Override
    public RagfnConfig.EmbeddingProvider provider() {
        return RagfnConfig.EmbeddingProvider.BEDROCK;
    }

    @Override
    public EmbeddingModel create(RagfnConfig config) {
        return create(config, DefaultCredentialsProvider.builder().build());
    }

    /** Titan takes one text per call; the SDK retries throttled calls, since a document makes many. */
    public static EmbeddingModel create(RagfnConfig ragfn, AwsCredentialsProvider credentials) {
        RagfnConfig.Embedding config = ragfn.embedding();
        RagfnConfig.Bedrock bedrock = ragfn.bedrock();
        String modelId = config.model().orElse(DEFAULT_MODEL);
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
                + BedrockClients.describe(bedrock.region(), bedrock.endpoint()), config.dimension(),
                BedrockEmbeddingBackend::serviceFailure);
    }

    /** LangChain4j wraps the AWS SDK's exceptions; the service's own error code and status are the useful part. */
    private static Optional<RagfnException> serviceFailure(String description, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException aws) {
                String hint = aws.statusCode() == 403 ? "the role needs bedrock:InvokeModel on this model"
                        : aws.statusCode() == 429 || aws.statusCode() >= 500 ? "retry later"
                        : "check ragfn.embedding.* and ragfn.bedrock.*";
                return Optional.of(RemoteEmbeddingModel.failure("The embedding " + description + " answered HTTP "
                        + aws.statusCode() + " " + aws.awsErrorDetails().errorCode() + ": "
                        + aws.awsErrorDetails().errorMessage() + "; " + hint, aws.statusCode(), e));
            }
        }
        return Optional.empty();
    }
}
