package dev.ragfn.shield.detect;

import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * Where a regular expression's matches in a growing text are settled. A match attempt that never read up
 * to the end of the text (it failed or matched before) gives the same outcome whatever is appended, since
 * the expression saw everything it looks at; {@link Matcher#hitEnd()} tells the two apart.
 */
public final class OpenMatches {

    private OpenMatches() {
    }

    /**
     * The first position, walking the text as repeated {@link Matcher#find()} does from {@code from}, whose match
     * attempt ran into the end of the text: a match may still start there or grow. The text's length when none did.
     */
    public static int firstOpenAttempt(Matcher matcher, int from) {
        return firstOpenAttempt(matcher, from, closed -> { });
    }

    /**
     * As {@link #firstOpenAttempt(Matcher, int)}, handing each match found before that position, which no appended
     * text can change, to {@code closed}. Walking on from the position returned later, when the text has grown,
     * finds what a walk from {@code from} would: every attempt before it is over.
     */
    public static int firstOpenAttempt(Matcher matcher, int from, Consumer<MatchResult> closed) {
        int length = matcher.regionEnd();
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int cursor = from;
        while (cursor < length) {
            matcher.region(cursor, length);
            boolean found = matcher.find();
            if (!matcher.hitEnd()) {
                if (!found) {
                    return length;
                }
                closed.accept(matcher.toMatchResult());
                cursor = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
                continue;
            }
            // Some attempt from the cursor on may have read to the end (a failed find always says so): which one?
            MatchResult match = found ? matcher.toMatchResult() : null;
            int start = found ? matcher.start() : length;
            int end = found ? matcher.end() : length;
            for (int at = cursor; at <= start && at < length; at++) {
                matcher.region(at, length);
                matcher.lookingAt();
                if (matcher.hitEnd()) {
                    return at;
                }
            }
            if (!found) {
                return length;
            }
            closed.accept(match);
            cursor = end > start ? end : end + 1;
        }
        return length;
    }
}
