package dev.ragfn.core.domain;

import java.time.Instant;

/**
 * A metrics summary for one scope (for example a namespace and model) over one time window.
 * Scope plus window identify it, so a schedule that fires twice does not store it twice.
 */
public record Summary(String tenant, String scope, Instant windowStart, Instant windowEnd,
                      String reportJson, String reportMarkdown, Instant createdAt) {

    public Summary {
        Ids.name("tenant", tenant);
        Ids.id("scope", scope);
        Ids.required("windowStart", windowStart);
        Ids.required("windowEnd", windowEnd);
        Ids.required("createdAt", createdAt);
    }
}
