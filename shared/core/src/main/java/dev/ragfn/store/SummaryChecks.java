package dev.ragfn.store;

import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.port.DocumentStore;

import java.time.Instant;

/** The checks every SummaryStore implementation makes before writing, so they all refuse alike. */
public final class SummaryChecks {

    private SummaryChecks() {
    }

    public static void checkSummary(Summary summary) {
        if (summary.approximateBytes() > DocumentStore.MAX_ITEM_BYTES) {
            throw new TooLargeException("summary of " + summary.tenant() + "/" + summary.scope() + " for "
                    + summary.windowStart() + ".." + summary.windowEnd() + " is " + summary.approximateBytes()
                    + " bytes, over the store limit of " + DocumentStore.MAX_ITEM_BYTES
                    + "; summarise fewer metrics or a narrower scope");
        }
    }

    /**
     * A sortable, fixed-width key part for an instant (epoch milliseconds, zero-padded), so that
     * key order is window order in both stores.
     */
    public static String windowKey(Instant start, Instant end) {
        return millis(start) + "#" + millis(end);
    }

    public static String millis(Instant instant) {
        return String.format("%020d", instant.toEpochMilli());
    }
}
