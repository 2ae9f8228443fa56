package dev.ragfn.shield;

import java.util.Comparator;
import java.util.List;

/** Replaces REDACT spans in a text. Where spans overlap, the one starting first is kept whole. */
final class Redaction {

    private Redaction() {
    }

    static String apply(String text, List<Span> spans) {
        return apply(text, 0, text.length(), spans);
    }

    /** The range {@code [from, to)} of the text redacted; spans must not cross either end. */
    static String apply(CharSequence text, int from, int to, List<Span> spans) {
        List<Span> redacted = spans.stream()
                .filter(span -> span.decision() == Decision.REDACT && span.start() >= from && span.end() <= to)
                .sorted(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()))
                .toList();
        StringBuilder out = new StringBuilder(to - from);
        int copied = from;
        for (Span span : redacted) {
            if (span.start() < copied) {
                continue;
            }
            out.append(text, copied, span.start()).append(span.replacement());
            copied = span.end();
        }
        return out.append(text, copied, to).toString();
    }
}
