package dev.ragfn.runtime.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The {@code ragfn_*} meters, recorded into Micrometer's global registry, to which Quarkus adds
 * each function's Prometheus registry ({@code /q/metrics}). Tags take only values from a bounded
 * set (function names, retrieve modes, shield detectors, error kinds): never a tenant, a document
 * or a session, which would make a series per user. Outside Quarkus the global registry holds no
 * registry and every meter is a no-op.
 */
public final class RagfnMeters {

    private static final MeterRegistry REGISTRY = Metrics.globalRegistry;
    /** Bucket range of the latency histograms: p99 by histogram_quantile without hundreds of buckets. */
    private static final Duration FASTEST = Duration.ofMillis(1);
    private static final Duration SLOWEST = Duration.ofMinutes(2);

    private RagfnMeters() {
    }

    /** One invocation of a function, by the function's name and its outcome (success, an error kind, or error). */
    public static void functionInvoked(String function, String outcome, long nanos) {
        timer("ragfn.function.invocations", "Invocations of a function and their duration",
                "function", function, "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A submission ingest has finished with: chunked, unchanged, superseded or failed. */
    public static void documentIngested(String outcome, int chunks, long bytes) {
        counter("ragfn.ingest.documents", "Submissions ingested, by outcome", null, "outcome", outcome).increment();
        if (chunks > 0) {
            counter("ragfn.ingest.chunks", "Chunks stored by ingest", null).increment(chunks);
        }
        if (bytes > 0) {
            counter("ragfn.ingest.bytes", "Bytes of document content ingest read", "bytes").increment(bytes);
        }
    }

    /** A submission that could not be ingested, by the kind of its error (invalid_input, too_large, not_found). */
    public static void ingestFailed(String reason) {
        documentIngested("failed", 0, 0);
        counter("ragfn.ingest.failures", "Submissions that could not be ingested, by reason", null,
                "reason", reason).increment();
    }

    /** One call of the embedding model for a batch of texts. */
    public static void embeddingBatch(int texts, long nanos) {
        timer("ragfn.embedding.batch", "Embedding model calls for one batch of chunks").record(nanos, TimeUnit.NANOSECONDS);
        counter("ragfn.embedding.texts", "Texts embedded", null).increment(texts);
    }

    /** One retrieval, by mode (bm25, vector, hybrid). */
    public static void retrieved(String mode, long nanos) {
        timer("ragfn.retrieve", "Retrievals, by mode", "mode", mode.toLowerCase(Locale.ROOT))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The time from the start of a streamed chat turn to its first piece of answer. */
    public static void chatFirstToken(long nanos) {
        timer("ragfn.chat.time.to.first.token", "Time from a streamed chat turn's start to its first token")
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The model tokens of a finished chat turn and the tools it called. */
    public static void chatTurn(int inputTokens, int outputTokens, int toolCalls) {
        if (inputTokens > 0) {
            counter("ragfn.chat.tokens", "Model tokens of chat turns", null, "type", "input").increment(inputTokens);
        }
        if (outputTokens > 0) {
            counter("ragfn.chat.tokens", "Model tokens of chat turns", null, "type", "output").increment(outputTokens);
        }
        if (toolCalls > 0) {
            counter("ragfn.chat.tool.calls", "Tool calls made by the chat model", null).increment(toolCalls);
        }
    }

    /** The chat turns open at once, read from {@code open} whenever the registry is scraped. */
    public static void chatOpenTurns(IntSupplier open) {
        Gauge.builder("ragfn.chat.turns.open", open::getAsInt).description("Chat turns open at once, streamed or not")
                .strongReference(true).register(REGISTRY);
    }

    /** A chat turn refused because as many as ragfn.chat.max-open-turns were open. */
    public static void chatTurnRefused() {
        counter("ragfn.chat.turns.refused", "Chat turns refused because the most allowed at once were open", null)
                .increment();
    }

    /**
     * A shield check: its direction and decision, and each detector that fired (once per check) with
     * what it decided, all as the lower-case names the meters carry.
     */
    public static void shieldChecked(String direction, String decision, Map<String, String> decisionByDetector) {
        counter("ragfn.shield.verdicts", "Shield checks, by direction and decision", null,
                "direction", direction, "decision", decision).increment();
        decisionByDetector.forEach((detector, detectorDecision) ->
                counter("ragfn.shield.detections", "Shield checks in which a detector fired, by detector", null,
                        "direction", direction, "detector", detector, "decision", detectorDecision).increment());
    }

    /** A failed delivery the local broker will try again. */
    public static void brokerRetry(String function) {
        counter("ragfn.broker.retries", "Deliveries the broker retried, by function", null, "function", function)
                .increment();
    }

    /** An event the local broker gave up on and wrote to the dead-letter file. */
    public static void deadLettered(String function) {
        counter("ragfn.broker.dead.letters", "Events dead-lettered, by the function that failed them", null,
                "function", function).increment();
    }

    private static Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).publishPercentileHistogram()
                .minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST).register(REGISTRY);
    }

    private static Counter counter(String name, String description, String unit, String... tags) {
        return Counter.builder(name).description(description).baseUnit(unit).tags(tags).register(REGISTRY);
    }
}
