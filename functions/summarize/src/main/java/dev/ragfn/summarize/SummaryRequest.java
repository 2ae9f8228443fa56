package dev.ragfn.summarize;

import dev.ragfn.core.event.EventData;

/**
 * The payload of {@code dev.ragfn.summary.requested}, or the body of a plain HTTP call. Every
 * field is optional. Times are ISO-8601 instants; a duration is ISO-8601 ("PT24H") or
 * Prometheus-style ("24h", "90m"). Without start and end, the window is the {@code duration}
 * (default: the configured window) ending at the event's time, or now, rounded down to the
 * configured alignment. {@code subject} is what is summarised: {@code model-serving} (the default,
 * vLLM and GPU metrics) or {@code platform} (ragfn's own ragfn_* metrics).
 */
@EventData
public record SummaryRequest(String tenant, String namespace, String model, String start, String end,
                             String duration, String subject) {

    /** The same request without a subject: model serving. */
    public SummaryRequest(String tenant, String namespace, String model, String start, String end, String duration) {
        this(tenant, namespace, model, start, end, duration, null);
    }
}
