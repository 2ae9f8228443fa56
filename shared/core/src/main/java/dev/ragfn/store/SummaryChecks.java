package dev.ragfn.store;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.Sizes;
import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SummaryPage;
import dev.ragfn.core.port.SummaryQuery;

import java.time.Instant;

/** The checks every SummaryStore implementation makes before writing, so they all refuse alike. */
public final class SummaryChecks {

    private SummaryChecks() {
    }

    /** The longest scope in UTF-8 bytes: the list of a tenant's scopes keys them by name, and a DynamoDB sort key holds 1,024 bytes. */
    public static final int MAX_SCOPE_BYTES = 1_024;

    public static void checkSummary(Summary summary) {
        scope("scope", summary.scope());
        if (summary.approximateBytes() > DocumentStore.MAX_ITEM_BYTES) {
            throw new TooLargeException("summary of " + summary.tenant() + "/" + summary.scope() + " for "
                    + summary.windowStart() + ".." + summary.windowEnd() + " is " + summary.approximateBytes()
                    + " bytes, over the store limit of " + DocumentStore.MAX_ITEM_BYTES
                    + "; summarise fewer metrics or a narrower scope");
        }
    }

    /** {@code value} as a scope must be: an id ({@link Ids#id}) of at most {@value #MAX_SCOPE_BYTES} bytes in UTF-8. */
    public static String scope(String field, String value) {
        long bytes = Sizes.utf8(Ids.id(field, value));
        if (bytes > MAX_SCOPE_BYTES) {
            throw new InvalidInputException(field + " must be at most " + MAX_SCOPE_BYTES + " bytes in UTF-8 but has " + bytes);
        }
        return value;
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
