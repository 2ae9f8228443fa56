package dev.ragfn.convert.rules;

import dev.ragfn.core.error.InvalidInputException;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A user-supplied regular expression that cannot run away: the input is wrapped in a
 * CharSequence that checks a deadline on every character read, so catastrophic backtracking
 * (such as {@code (a+)+$}) ends with a clear error instead of a stuck thread.
 */
final class BoundedRegex {

    private final String ruleId;
    private final Pattern pattern;
    private final Duration budget;

    BoundedRegex(String ruleId, Pattern pattern, Duration budget) {
        this.ruleId = ruleId;
        this.pattern = pattern;
        this.budget = budget;
    }

    boolean find(String input, String where) {
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            return pattern.matcher(new DeadlineChars(input, deadline)).find();
        } catch (Timeout e) {
            throw new InvalidInputException("Rule '" + ruleId + "': regex '" + pattern.pattern() + "' ran longer than "
                    + budget.toMillis() + " ms on " + where + " (catastrophic backtracking?); simplify the pattern");
        }
    }

    private static final class Timeout extends RuntimeException {
        Timeout() {
            super(null, null, false, false);
        }
    }

    private record DeadlineChars(CharSequence text, long deadline) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (System.nanoTime() > deadline) {
                throw new Timeout();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineChars(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
