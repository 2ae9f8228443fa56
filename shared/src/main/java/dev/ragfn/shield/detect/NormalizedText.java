package dev.ragfn.shield.detect;

/**
 * A text folded for matching (see {@link TextNormalizer}), with the way back: character i of
 * {@link #text()} came from characters {@code sourceStart[i]..sourceEnd[i]} of the original.
 */
public record NormalizedText(String text, int[] sourceStart, int[] sourceEnd) {

    /** The original range of the normalized range {@code [start, end)}. */
    public Finding toOriginal(int start, int end, String description) {
        return new Finding(sourceStart[start], sourceEnd[end - 1], description);
    }
}
