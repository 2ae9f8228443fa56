package dev.ragfn.shield.detect;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector that is a regular expression plus a check on each match (a checksum, a range
 * rule). The expression finds candidates cheaply; the check keeps false positives out.
 * Expressions start with a negative look-behind on their own character class and use possessive
 * or bounded quantifiers, so a match can only start at a token boundary and scanning stays linear.
 */
public final class PatternDetector implements Detector {

    private static final int FIRST_GROUP = -1;

    private final String id;
    private final Category category;
    private final String description;
    private final Pattern pattern;
    private final int group;
    private final Predicate<String> check;

    private PatternDetector(String id, Category category, String description, Pattern pattern, int group,
                            Predicate<String> check) {
        this.id = id;
        this.category = category;
        this.description = description;
        this.pattern = pattern;
        this.group = group;
        this.check = check;
    }

    public static PatternDetector of(String id, Category category, String description, String regex) {
        return new PatternDetector(id, category, description, Pattern.compile(regex), 0, match -> true);
    }

    /** A copy that keeps only matches passing the check. */
    public PatternDetector checkedBy(Predicate<String> check) {
        return new PatternDetector(id, category, description, pattern, group, check);
    }

    /** A copy that reports only the given capturing group, such as the value of a key=value pair. */
    public PatternDetector reportingGroup(int group) {
        return new PatternDetector(id, category, description, pattern, group, check);
    }

    /** A copy that reports the first capturing group that took part in the match (one per alternative). */
    public PatternDetector reportingFirstGroup() {
        return new PatternDetector(id, category, description, pattern, FIRST_GROUP, check);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Category category() {
        return category;
    }

    @Override
    public List<Finding> detect(ShieldRequest request) {
        List<Finding> findings = new ArrayList<>();
        String text = request.text();
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        // Full-width digits and zero-width characters inside a value must not hide it: match on the NFKC form.
        Folded folded = ascii ? null : Folded.of(text);
        Matcher matcher = pattern.matcher(ascii ? text : folded.text());
        while (matcher.find()) {
            int reported = reportedGroup(matcher);
            if (isFinding(matcher, reported)) {
                findings.add(ascii ? new Finding(matcher.start(reported), matcher.end(reported), description)
                        : new Finding(folded.sourceStart(matcher.start(reported)),
                        folded.sourceEnd(matcher.end(reported)), description));
            }
        }
        return findings;
    }

    /**
     * Resumes where the last piece left it: each piece reads the fold from the first match attempt still open on,
     * and the look-behinds see what came before. The regex engine says which attempt is open ({@code hitEnd}), so
     * there is no look-back length to declare or get wrong: for the bounded expressions (all but {@code jwt}'s
     * segments and a PEM key's body) a piece reads at most the longest match plus the piece; an unbounded token
     * still being written (a JWT's run of base64) is re-read from its start by each piece until it ends.
     */
    @Override
    public StreamedDetection streamed(ShieldRequest request) {
        return new StreamedDetection() {
            private final List<Finding> certain = new ArrayList<>();
            /** In the fold: every match attempt before it is over, and its matches are in {@link #certain}. */
            private int resumeAt;

            @Override
            public Progress advance(GrowingText text) {
                CharSequence folded = text.folded();
                text.scanned(folded.length() - resumeAt);
                resumeAt = OpenMatches.firstOpenAttempt(pattern.matcher(folded), resumeAt, match -> {
                    int reported = reportedGroup(match);
                    if (isFinding(match, reported)) {
                        certain.add(new Finding(text.sourceStart(match.start(reported)),
                                text.sourceEnd(match.end(reported)), description));
                    }
                });
                return new Progress(List.copyOf(certain),
                        resumeAt == folded.length() ? text.length() : text.sourceStart(resumeAt));
            }
        };
    }

    private int reportedGroup(MatchResult match) {
        return group == FIRST_GROUP ? firstGroup(match) : group;
    }

    private boolean isFinding(MatchResult match, int reported) {
        String candidate = match.group(reported);
        return candidate != null && check.test(candidate);
    }

    private static int firstGroup(MatchResult matcher) {
        for (int g = 1; g <= matcher.groupCount(); g++) {
            if (matcher.group(g) != null) {
                return g;
            }
        }
        return 0;
    }

    /** Where the first match attempt that reads to the end of the text starts: a match may begin there or grow. */
    @Override
    public int settled(ShieldRequest request) {
        String text = request.text();
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        Folded folded = ascii ? null : Folded.of(text);
        String matched = ascii ? text : folded.text();
        int open = OpenMatches.firstOpenAttempt(pattern.matcher(matched), 0);
        return ascii || open == matched.length() ? open : folded.sourceStart(open);
    }

    /** A text in NFKC, one code point at a time, without invisible format characters, and the way back. */
    private record Folded(String text, int[] starts, int[] ends) {

        static Folded of(String original) {
            StringBuilder out = new StringBuilder(original.length());
            int[] starts = new int[original.length() * 3 + 1];
            int[] ends = new int[original.length() * 3 + 1];
            int i = 0;
            while (i < original.length()) {
                int codePoint = original.codePointAt(i);
                int next = i + Character.charCount(codePoint);
                String folded = Character.getType(codePoint) == Character.FORMAT ? ""
                        : Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
                if (out.length() + folded.length() >= starts.length) {
                    starts = Arrays.copyOf(starts, (out.length() + folded.length()) * 2);
                    ends = Arrays.copyOf(ends, (out.length() + folded.length()) * 2);
                }
                for (int k = 0; k < folded.length(); k++) {
                    starts[out.length()] = i;
                    ends[out.length()] = next;
                    out.append(folded.charAt(k));
                }
                i = next;
            }
            return new Folded(out.toString(), starts, ends);
        }

        int sourceStart(int start) {
            return starts[start];
        }

        int sourceEnd(int end) {
            return ends[end - 1];
        }
    }
}
