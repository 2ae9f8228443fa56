package dev.ragfn.chatturn;

import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockChatRequestParameters;
import dev.langchain4j.model.bedrock.BedrockStreamingChatModel;
import dev.ragfn.bedrock.BedrockClients;
import dev.ragfn.core.config.RagfnConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * A chat model on Amazon Bedrock through its model-neutral Converse API: Converse for blocking
 * answers, ConverseStream for streamed ones. Streaming needs the SDK's asynchronous client, on
 * netty: Quarkus REST already brings netty, so it adds only the SDK's adapter, where the CRT
 * client would add native libraries for every platform.
 */
final class BedrockChatModels {

    static final String DEFAULT_MODEL = "amazon.nova-lite-v1:0";

    private BedrockChatModels() {
    }

    static ChatModels create(ChatConfig config, AwsCredentialsProvider credentials) {
        RagfnConfig.Bedrock bedrock = config.bedrock();
        String modelId = config.model().orElse(DEFAULT_MODEL);
        // The platform retries the whole turn (Knative, Lambda); retrying here too multiplies the wait.
        BedrockRuntimeClient blockingClient = BedrockClients.build(
                BedrockRuntimeClient.builder().httpClientBuilder(Apache5HttpClient.builder()),
                bedrock.region(), bedrock.endpoint(), credentials, config.timeout(), false);
        // HTTP/1.1 streams ConverseStream as well; the SDK's HTTP/2 default is for bidirectional
        // streams and needs TLS, which a local or VPC endpoint over http does not have.
        BedrockRuntimeAsyncClient streamingClient = BedrockClients.build(
                BedrockRuntimeAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .protocol(Protocol.HTTP1_1).readTimeout(config.timeout())),
                bedrock.region(), bedrock.endpoint(), credentials, config.timeout(), false);
        BedrockChatRequestParameters parameters = BedrockChatRequestParameters.builder()
                .maxOutputTokens(config.maxTokens()).temperature(config.temperature()).build();
        return new ChatModels(
                BedrockChatModel.builder().client(blockingClient).modelId(modelId)
                        .defaultRequestParameters(parameters).maxRetries(0).build(),
                BedrockStreamingChatModel.builder().client(streamingClient).modelId(modelId)
                        .defaultRequestParameters(parameters).build(),
                "model " + modelId + " on " + BedrockClients.describe(bedrock.region(), bedrock.endpoint()));
    }
}
