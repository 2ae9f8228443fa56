package dev.ragfn.shield;

import java.util.Comparator;
import java.util.List;

/** Replaces REDACT spans in a text. Where spans overlap, the one starting first is kept whole. */
final class Redaction {

    private Redaction() {
    }

    static String apply(String text, List<Span> spans) {
        List<Span> redacted = spans.stream()
                .filter(span -> span.decision() == Decision.REDACT)
                .sorted(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()))
                .toList();
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Span span : redacted) {
            if (span.start() < copied) {
                continue;
            }
            out.append(text, copied, span.start()).append(span.replacement());
            copied = span.end();
        }
        return out.append(text, copied, text.length()).toString();
    }
}
