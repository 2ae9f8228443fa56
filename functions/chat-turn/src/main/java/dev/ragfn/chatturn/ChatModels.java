package dev.ragfn.chatturn;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.Executors;

/** The configured chat model, in its blocking and its streaming form; none for provider none. */
record ChatModels(ChatModel blocking, StreamingChatModel streaming, String description) {

    private static final String OPENAI_DEFAULT_MODEL = "gpt-4o-mini";

    /** Bedrock credentials come from the AWS default chain (environment, profile, Lambda or pod role). */
    static Optional<ChatModels> create(ChatConfig config) {
        return create(config, DefaultCredentialsProvider.builder().build());
    }

    static Optional<ChatModels> create(ChatConfig config, AwsCredentialsProvider bedrockCredentials) {
        return switch (config.provider()) {
            case NONE -> Optional.empty();
            case OPENAI -> Optional.of(openAi(config));
            case BEDROCK -> Optional.of(BedrockChatModels.create(config, bedrockCredentials));
        };
    }

    private static ChatModels openAi(ChatConfig config) {
        // Local servers (vLLM, Ollama) accept any key; the client insists on one.
        String apiKey = config.apiKey().orElse("none");
        String model = config.model().orElse(OPENAI_DEFAULT_MODEL);
        ChatModel blocking = OpenAiChatModel.builder()
                .baseUrl(config.baseUrl()).apiKey(apiKey).modelName(model)
                .timeout(config.timeout()).maxTokens(config.maxTokens()).temperature(config.temperature())
                // The platform retries the whole turn (Knative, Lambda); retrying here too multiplies the wait.
                .maxRetries(0)
                .build();
        StreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                // The client reads each answer's stream on a thread of its executor: a virtual one holds no
                // platform thread while the model writes.
                .httpClientBuilder(JdkHttpClient.builder().httpClientBuilder(
                        HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())))
                .baseUrl(config.baseUrl()).apiKey(apiKey).modelName(model)
                .timeout(config.timeout()).maxTokens(config.maxTokens()).temperature(config.temperature())
                .build();
        return new ChatModels(blocking, streaming, "model " + model + " at " + config.baseUrl());
    }
}
