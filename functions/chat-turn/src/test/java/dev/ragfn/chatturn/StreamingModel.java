package dev.ragfn.chatturn;

import dev.ragfn.embedding.EmbeddingModels;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.testing.OpenAiServer;
import dev.ragfn.testing.TestConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged chat-turn application pointed at a local OpenAI-protocol model ({@link OpenAiServer}) that
 * streams, with the handbook indexed beforehand into the embedded index the application opens. The server
 * lives in the test's JVM, so a test scripts its answers and sees what reached it. Init args are further
 * configuration of the application.
 */
public final class StreamingModel implements QuarkusTestResourceLifecycleManager {

    static final String TENANT = "initech";
    /** A new server for each application the resource starts, closed with it. */
    static volatile OpenAiServer MODEL;
    static volatile String knowledgeBase;
    private Map<String, String> configuration = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        configuration = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        MODEL = new OpenAiServer();
        Path data = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
        LuceneVectorIndex index = LuceneVectorIndex.open(data.resolve("index"), 384);
        try {
            knowledgeBase = Handbook.index(index, EmbeddingModels.create(TestConfig.of(Map.of())), TENANT);
        } finally {
            index.close();
        }
        Map<String, String> config = new HashMap<>(Map.of("ragfn.data-dir", data.toString(), "ragfn.chat.provider",
                "openai", "ragfn.chat.base-url", MODEL.baseUrl(), "ragfn.chat.model", "fake-model", "ragfn.chat.timeout",
                "60s", "quarkus.log.level", "WARN", "quarkus.http.host", "127.0.0.1"));
        config.putAll(configuration);
        return config;
    }

    @Override
    public void stop() {
        MODEL.close();
    }
}
