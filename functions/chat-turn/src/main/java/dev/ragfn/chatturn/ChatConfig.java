package dev.ragfn.chatturn;

import dev.ragfn.core.config.RagfnConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the chat-turn function. */
@ConfigMapping(prefix = "ragfn.chat")
public interface ChatConfig {

    /** Chat model: none (extractive answers from the retrieved passages), openai (any OpenAI-compatible endpoint) or bedrock (Amazon Bedrock's Converse API). */
    @WithDefault("none")
    Provider provider();

    /** OpenAI-compatible endpoint of the chat model (vLLM, llm-d, OpenShift AI, Ollama), for provider openai. */
    @WithDefault("http://127.0.0.1:8000/v1")
    String baseUrl();

    /** Model name, or Bedrock model id; unset means gpt-4o-mini for openai and amazon.nova-lite-v1:0 for bedrock. */
    Optional<String> model();

    /** API key of that endpoint, from the environment (RAGFN_CHAT_API_KEY). */
    Optional<String> apiKey();

    /** How long one model call may take, connection and the whole streamed answer included. */
    @WithDefault("60s")
    Duration timeout();

    /** Most tokens the model may generate per answer. */
    @WithDefault("512")
    int maxTokens();

    /** Sampling temperature; low values keep answers close to the sources. */
    @WithDefault("0.2")
    double temperature();

    /** Passages retrieved per question when the request gives no topK. */
    @WithDefault("5")
    int topK();

    /** Least cosine similarity between the question and a passage's best sentence for the passage to count as relevant. */
    @WithDefault("0.3")
    double minRelevance();

    /** Most turns retrieving and ranking passages at once (tool calls' searches included), the others waiting in arrival order; unset means the number of cores with in-process embeddings (CPU-bound work) and no limit with remote ones. */
    Optional<Integer> retrievalConcurrency();

    /** Most turns open at once, streamed (/chat/stream) or not (/chat); one more is answered 503 with Retry-After before it retrieves. */
    @WithDefault("256")
    int maxOpenTurns();

    /** Most sentences in an extractive answer. */
    @WithDefault("3")
    int extractiveSentences();

    /** Most earlier turns of the session read for the prompt. */
    @WithDefault("10")
    int historyTurns();

    /** Most tokens (estimated as four characters each) that earlier turns may add to the prompt. */
    @WithDefault("1000")
    int historyTokenBudget();

    /** Where the Bedrock chat model runs, for provider bedrock (ragfn.bedrock.* is the embedding model's). */
    RagfnConfig.Bedrock bedrock();

    enum Provider {
        NONE, OPENAI, BEDROCK
    }
}
