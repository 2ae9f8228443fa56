package dev.ragfn.store;

import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SummaryPage;
import dev.ragfn.core.port.SummaryQuery;

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

    /** The window's key in both stores: {@link SummaryPage#windowKey}, so a page's cursor is a key. */
    public static String windowKey(Instant start, Instant end) {
        return SummaryPage.windowKey(start, end);
    }

    public static String millis(Instant instant) {
        return SummaryPage.millis(instant);
    }

    /** The key a page of summaries continues below: its cursor, or the bare {@code to}, above every window starting before it. */
    public static String pageUpperKey(SummaryQuery query) {
        String to = millis(query.to());
        return query.after() != null && query.after().compareTo(to) < 0 ? query.after() : to;
    }
}
