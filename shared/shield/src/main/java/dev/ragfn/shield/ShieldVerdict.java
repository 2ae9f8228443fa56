package dev.ragfn.shield;

import java.util.List;

/**
 * The outcome of a check.
 *
 * @param decision the most severe decision any finding called for
 * @param reasons  one line per detector that fired, for logs and for the persisted turn
 * @param spans    every finding that was not allowed, in text order
 * @param text     the text the caller may pass on: the original when ALLOW, with the REDACT spans
 *                 replaced when REDACT, null when BLOCK
 * @param policy   the name of the policy that was applied
 */
public record ShieldVerdict(Decision decision, List<String> reasons, List<Span> spans, String text, String policy) {

    public ShieldVerdict {
        reasons = List.copyOf(reasons);
        spans = List.copyOf(spans);
    }

    public boolean blocked() {
        return decision == Decision.BLOCK;
    }
}
