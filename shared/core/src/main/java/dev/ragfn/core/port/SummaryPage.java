package dev.ragfn.core.port;

import dev.ragfn.core.domain.Summary;

import java.time.Instant;
import java.util.List;

/** A page of summaries, newest window first, and where the next one starts (the last one's window key), or null when there is none. */
public record SummaryPage(List<Summary> summaries, String next) {

    public SummaryPage {
        summaries = List.copyOf(summaries);
    }

    /** The page of {@code limit} among {@code matching}, which holds up to one more to tell whether a next page exists. */
    public static SummaryPage of(List<Summary> matching, int limit) {
        if (matching.size() <= limit) {
            return new SummaryPage(matching, null);
        }
        List<Summary> page = matching.subList(0, limit);
        Summary last = page.getLast();
        return new SummaryPage(page, windowKey(last.windowStart(), last.windowEnd()));
    }

    /**
     * A window's sortable key (the cursor of a page that ends with it): fixed-width epoch milliseconds of
     * start and end, so that key order is window order in every store.
     */
    public static String windowKey(Instant start, Instant end) {
        return millis(start) + "#" + millis(end);
    }

    public static String millis(Instant instant) {
        return String.format("%020d", instant.toEpochMilli());
    }
}
