package dev.ragfn.shield.detect;

/**
 * One thing a detector found.
 *
 * @param start       index of the first character in the checked text
 * @param end         index after the last character
 * @param description what was found, in a few words, never the found text itself
 */
public record Finding(int start, int end, String description) {
}
