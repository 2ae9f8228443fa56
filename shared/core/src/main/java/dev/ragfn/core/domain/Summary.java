package dev.ragfn.core.domain;

import dev.ragfn.core.error.InvalidInputException;

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
        if (!windowEnd.isAfter(windowStart)) {
            throw new InvalidInputException("windowEnd " + windowEnd + " must be after windowStart " + windowStart);
        }
    }

    /** Upper bound of the stored size in UTF-8 bytes, for the stores' item limit. */
    public long approximateBytes() {
        return Sizes.utf8(tenant) + Sizes.utf8(scope) + Sizes.utf8(reportJson) + Sizes.utf8(reportMarkdown) + 96;
    }
}
