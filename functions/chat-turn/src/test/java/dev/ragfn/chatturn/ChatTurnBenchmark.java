package dev.ragfn.chatturn;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.embedding.InProcessEmbeddingModel;
import dev.ragfn.embedding.InProcessModel;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.retrieve.RetrieveConfig;
import dev.ragfn.retrieve.RetrieveRequest;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.runtime.observe.TracedPort;
import dev.ragfn.shield.Shield;
import dev.ragfn.store.mvstore.MvStoreSessionStore;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * What a chat turn costs besides the chat model: input shield, query embedding, hybrid retrieval,
 * evidence ranking (sentence embeddings), history, output shield and persisting the turn. The chat
 * model answers in no time (an in-process stand-in), so a turn's whole time is overhead. Runs on
 * the embedded index and session store with the in-process embedding model, as a laptop would.
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dev.ragfn.chatturn.ChatTurnBenchmark --chunks 10000 --turns 300
 * </pre>
 * With {@code --observability compare} retrieve and chat turns run with metrics and tracing off
 * and on ({@link BenchObservability}, spans exported over OTLP/HTTP to a local receiver) in
 * alternating blocks, one row per path printed as it completes; {@code --extractive false} leaves
 * out the slow extractive path (it embeds every evidence sentence); {@code --otlp-endpoint URL}
 * sends the spans to a collector in another process instead of a receiver in this one;
 * {@code --rounds 2} runs every path twice.
 * <pre>
 * ... dev.ragfn.chatturn.ChatTurnBenchmark --chunks 10000 --turns 200 --observability compare
 * </pre>
 */
public final class ChatTurnBenchmark {

    private static final int WARM_UP = 50;
    private static final int BLOCK = 10;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final String[] WORDS = ("cluster operator deploy service model vector index query latency "
            + "token embedding document chunk tenant knowledge retrieval answer policy shield metric summary event "
            + "trigger broker function lambda knative scale memory cache request response stream retry backoff "
            + "storage table partition replica shard search ranking score fusion engineer team platform release "
            + "upgrade incident runbook alert page severity customer impact credential secret rotate backup restore "
            + "schema migration review owner channel window maintenance").split(" ");
    private static final String ANSWER = "The runbook says to rotate the credential after every incident [1].";

    private ChatTurnBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        int chunks = Integer.parseInt(options.getOrDefault("chunks", "10000"));
        int turns = Integer.parseInt(options.getOrDefault("turns", "300"));
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources()
                .withMapping(ChatConfig.class).withMapping(RetrieveConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                // Every passage counts as relevant, so the model path runs on every turn.
                .withDefaultValue("ragfn.chat.min-relevance", "-1")
                .build();
        ChatConfig chatConfig = config.getConfigMapping(ChatConfig.class);
        EmbeddingModel embeddings = new InProcessEmbeddingModel(InProcessModel.ALL_MINILM_L6_V2);
        Path dir = Files.createTempDirectory("ragfn-chat-bench");
        try (LuceneVectorIndex index = LuceneVectorIndex.open(dir.resolve("index"), embeddings.dimension());
             MvStoreSessionStore sessions = MvStoreSessionStore.open(dir.resolve("sessions"))) {
            long started = System.nanoTime();
            fill(index, chunks);
            System.out.printf("%d chunks indexed in %.1f s; %d turns per row after %d warm-up; %d cores%n", chunks,
                    (System.nanoTime() - started) / 1e9, turns, WARM_UP, Runtime.getRuntime().availableProcessors());
            RetrieveConfig retrieveConfig = config.getConfigMapping(RetrieveConfig.class);
            RetrieveService retrieve = new RetrieveService(index, embeddings, retrieveConfig, Optional.empty());
            Shield shield = Shield.withDefaultPolicy();
            ChatTurnService extractive = new ChatTurnService(retrieve, embeddings, shield, sessions, chatConfig,
                    Optional.empty(), Clock.systemUTC());
            ChatTurnService withModel = new ChatTurnService(retrieve, embeddings, shield, sessions, chatConfig,
                    Optional.of(instantModel()), Clock.systemUTC());
            // The same services as deployed with tracing on: index, sessions and model behind their spans.
            RetrieveService tracedRetrieve = new RetrieveService(TracedPort.traced(VectorIndex.class, index, "index"),
                    embeddings, retrieveConfig, Optional.empty());
            SessionStore tracedSessions = TracedPort.traced(SessionStore.class, sessions, "sessions");
            ChatTurnService tracedExtractive = new ChatTurnService(tracedRetrieve, embeddings, shield, tracedSessions,
                    chatConfig, Optional.empty(), Clock.systemUTC());
            ChatTurnService tracedWithModel = new ChatTurnService(tracedRetrieve, embeddings, shield, tracedSessions,
                    chatConfig, Optional.of(TracedChatModels.traced(instantModel())), Clock.systemUTC());
            if (options.getOrDefault("observability", "off").equals("compare")) {
                System.out.println("| path | off p50 | on p50 | on/off p50 | off p99 | on p99 | off CPU per turn"
                        + " | on CPU per turn | on/off CPU |");
                System.out.println("|---|---|---|---|---|---|---|---|---|");
                try (BenchObservability observability = BenchObservability.start(
                        Optional.ofNullable(options.get("otlp-endpoint")).map(URI::create))) {
                    // A second round shows what the first paid for compiling the observability code.
                    for (int round = 0; round < Integer.parseInt(options.getOrDefault("rounds", "1")); round++) {
                        compare("retrieve (hybrid)", turns, false, observability,
                                request -> retrieveOnly(retrieve, request), request -> retrieveOnly(tracedRetrieve, request));
                        compare("model (answers instantly), streamed", turns, true, observability,
                                request -> withModel.stream(request, token -> { }),
                                request -> tracedWithModel.stream(request, token -> { }));
                        if (!options.getOrDefault("extractive", "true").equals("false")) {
                            compare("extractive (no model), blocking", turns, false, observability, extractive::chat,
                                    tracedExtractive::chat);
                        }
                    }
                    System.out.println(observability.summary());
                }
                return;
            }
            System.out.println("| path | total p50 | total p99 | stages, p50 ms |");
            System.out.println("|---|---|---|---|");
            System.out.println(row("extractive (no model), blocking", run(turns, false, extractive::chat)));
            System.out.println(row("model (answers instantly), streamed", run(turns, true,
                    request -> withModel.stream(request, token -> { }))));
            System.out.println(row("retrieve (hybrid)", run(turns, false, request -> retrieveOnly(retrieve, request))));
        }
    }

    /**
     * The same turns with metrics and tracing off and on, in alternating blocks of {@link #BLOCK}
     * (off-on, then on-off), so drift of a shared machine hits both alike; prints the row at once.
     * Beside wall-clock percentiles it gives the process's CPU time per turn on each side, which
     * includes exporting the spans (each block with tracing on ends with a flush) and which load
     * from other processes inflates far less than wall-clock time.
     */
    private static void compare(String path, int turns, boolean followUps, BenchObservability observability,
                                Function<ChatTurnRequest, ChatTurnResponse> off,
                                Function<ChatTurnRequest, ChatTurnResponse> on) {
        Conversation plain = new Conversation(followUps, off);
        Conversation observed = new Conversation(followUps, on);
        long[] offNanos = new long[turns];
        long[] onNanos = new long[turns];
        long[] cpuNanos = new long[2];
        for (int i = 0; i < WARM_UP; i++) {
            plain.turn();
            observability.on();
            observed.turn();
            observability.off();
        }
        for (int done = 0, block = 0; done < turns; done += BLOCK, block++) {
            int n = Math.min(BLOCK, turns - done);
            for (boolean observing : block % 2 == 0 ? new boolean[]{false, true} : new boolean[]{true, false}) {
                long cpu = PROCESS.getProcessCpuTime();
                if (observing) {
                    observability.on();
                }
                for (int i = 0; i < n; i++) {
                    (observing ? onNanos : offNanos)[done + i] = (observing ? observed : plain).turn();
                }
                if (observing) {
                    observability.off();
                }
                cpuNanos[observing ? 1 : 0] += PROCESS.getProcessCpuTime() - cpu;
            }
        }
        double offP50 = percentile(offNanos, 50);
        double onP50 = percentile(onNanos, 50);
        System.out.printf("| %s | %.2f ms | %.2f ms | %+.1f%% | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %+.1f%% |%n", path,
                offP50 / 1e6, onP50 / 1e6, (onP50 / offP50 - 1) * 100, percentile(offNanos, 99) / 1e6,
                percentile(onNanos, 99) / 1e6, cpuNanos[0] / 1e6 / turns, cpuNanos[1] / 1e6 / turns,
                ((double) cpuNanos[1] / cpuNanos[0] - 1) * 100);
    }

    /** Questions from a fixed seed; with follow-ups each session gets three turns, so history is read and grows. */
    private static final class Conversation {
        private final Random random = new Random(11);
        private final boolean followUps;
        private final Function<ChatTurnRequest, ChatTurnResponse> turn;
        private int asked;
        private ChatTurnResponse last;

        Conversation(boolean followUps, Function<ChatTurnRequest, ChatTurnResponse> turn) {
            this.followUps = followUps;
            this.turn = turn;
        }

        /** One turn's time in nanoseconds. */
        long turn() {
            String question = "How do I " + sentence(random, 8) + "?";
            String session = followUps && asked++ % 3 != 0 ? last.sessionId() : null;
            long start = System.nanoTime();
            last = turn.apply(new ChatTurnRequest("bench", session, question, List.of("kb"), null));
            return System.nanoTime() - start;
        }
    }

    /** A retrieval alone, answered as a turn so the same runner times it. */
    private static ChatTurnResponse retrieveOnly(RetrieveService retrieve, ChatTurnRequest request) {
        retrieve.retrieve(new RetrieveRequest(request.message(), request.tenant(), request.knowledgeBases(), 5, null,
                null, null, null));
        return new ChatTurnResponse(null, 0, "", true, List.of(), List.of(), Map.of(), Map.of(), 0, 0, null);
    }

    private static Map<String, long[]> run(int turns, boolean followUps, Function<ChatTurnRequest, ChatTurnResponse> turn) {
        Conversation conversation = new Conversation(followUps, turn);
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (int i = 0; i < WARM_UP + turns; i++) {
            long total = conversation.turn();
            if (i < WARM_UP) {
                continue;
            }
            int measured = i - WARM_UP;
            nanos.computeIfAbsent("total", k -> new long[turns])[measured] = total;
            conversation.last.timings().forEach((stage, millis) -> {
                if (!stage.equals("total")) {
                    nanos.computeIfAbsent(stage, k -> new long[turns])[measured] = millis * 1_000_000;
                }
            });
        }
        return nanos;
    }

    private static String row(String path, Map<String, long[]> nanos) {
        StringBuilder stages = new StringBuilder();
        nanos.forEach((stage, values) -> {
            if (!stage.equals("total")) {
                stages.append(stages.isEmpty() ? "" : ", ").append(stage).append(' ')
                        .append(String.format("%.0f", percentile(values, 50) / 1e6));
            }
        });
        long[] total = nanos.get("total");
        return String.format("| %s | %.1f ms | %.1f ms | %s |", path, percentile(total, 50) / 1e6,
                percentile(total, 99) / 1e6, stages);
    }

    /** Passages of ten 15-word sentences, as ingestion makes them; random vectors, since only the cost matters. */
    private static void fill(LuceneVectorIndex index, int chunks) {
        Random random = new Random(42);
        List<IndexedChunk> batch = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 10; s++) {
                text.append(sentence(random, 15)).append(". ");
            }
            float[] vector = new float[index.dimension()];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            batch.add(new IndexedChunk(DocumentRef.of("bench", "kb", "doc-" + i / 20), "c" + i % 20, i % 20,
                    "Document " + i / 20, text.toString().strip(), vector, "bench", List.of(), Map.of()));
            if (batch.size() == 1_000 || i == chunks - 1) {
                index.upsert(batch);
                batch.clear();
            }
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** A chat model that answers at once, blocking or as three streamed pieces. */
    private static ChatModels instantModel() {
        ChatResponse response = ChatResponse.builder().aiMessage(AiMessage.from(ANSWER))
                .tokenUsage(new TokenUsage(500, 20)).build();
        ChatModel blocking = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return response;
            }
        };
        StreamingChatModel streaming = new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                for (String piece : ANSWER.split("(?<= )")) {
                    handler.onPartialResponse(piece);
                }
                handler.onCompleteResponse(response);
            }
        };
        return new ChatModels(blocking, streaming, "an instant in-process stand-in");
    }

    /** Nearest-rank percentile. */
    private static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
