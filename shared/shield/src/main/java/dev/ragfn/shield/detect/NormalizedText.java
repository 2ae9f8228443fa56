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

    /** How many normalized characters come from the original text before {@code offset}. */
    public int lengthBefore(int offset) {
        int length = 0;
        while (length < text.length() && sourceStart[length] < offset) {
            length++;
        }
        return length;
    }

    /** Where normalized character {@code index} starts in the original, or {@code originalLength} past the end. */
    public int originalStart(int index, int originalLength) {
        return index < text.length() ? sourceStart[index] : originalLength;
    }
}
