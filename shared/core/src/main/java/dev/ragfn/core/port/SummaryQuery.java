package dev.ragfn.core.port;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which of a scope's summaries a page holds: those whose window starts in [{@code from}, {@code to}),
 * only windows {@code window} long when it is set (the daily ones of a daily schedule, say), newest
 * first, at most {@code limit}, after the cursor {@code after} (the {@code next} of the previous page).
 */
public record SummaryQuery(Instant from, Instant to, Duration window, String after, int limit) {

    /** A cursor is a summary's window key, as {@link SummaryPage} hands it out. */
    private static final Pattern CURSOR = Pattern.compile("\\d{20}#\\d{20}");

    public SummaryQuery {
        Ids.required("from", from);
        Ids.required("to", to);
        if (!to.isAfter(from)) {
            throw new InvalidInputException("from (" + from + ") must be before to (" + to + ")");
        }
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new InvalidInputException("window must be a positive duration such as PT1H or P1D but was " + window);
        }
        if (after != null && !CURSOR.matcher(after).matches()) {
            throw new InvalidInputException("after must be the next of a previous page of summaries but was '"
                    + (after.length() > 60 ? after.substring(0, 60) + "..." : after) + "'");
        }
        DocumentPage.validateLimit(limit);
    }

    /** Whether the window of this key ({@link SummaryPage#windowKey}) is as long as the query asks, read from the key alone. */
    public boolean lengthMatches(String windowKey) {
        if (window == null) {
            return true;
        }
        int hash = windowKey.lastIndexOf('#');
        long start = Long.parseLong(windowKey.substring(hash - 20, hash));
        long end = Long.parseLong(windowKey.substring(hash + 1));
        return end - start == window.toMillis();
    }
}
