package dev.ragfn.chatturn;

import dev.ragfn.shield.ShieldVerdict;

/** The output shield stopped a streamed answer part way: the turn ends with the answer withheld. */
final class OutputBlockedException extends RuntimeException {

    private final transient ShieldVerdict verdict;

    OutputBlockedException(ShieldVerdict verdict) {
        super("The output shield blocked the answer: " + String.join("; ", verdict.reasons()), null, false, false);
        this.verdict = verdict;
    }

    ShieldVerdict verdict() {
        return verdict;
    }
}
