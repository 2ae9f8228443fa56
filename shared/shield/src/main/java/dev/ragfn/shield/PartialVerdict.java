package dev.ragfn.shield;

/**
 * The check of a text still being written ({@link Shield#checkSoFar}).
 *
 * @param verdict  the findings no later text can change; its text is what may be passed on now (redacted where
 *                 the policy redacts), null when BLOCK
 * @param released how many characters of the checked text that passed-on text covers
 */
public record PartialVerdict(ShieldVerdict verdict, int released) {
}
