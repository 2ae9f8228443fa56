package dev.ragfn.shield;

/**
 * Where in the checked text a detector found something, and what happens to it.
 *
 * @param detector    the detector id, such as {@code email}
 * @param category    the category of the detector
 * @param decision    what the policy decided for this finding
 * @param start       index of the first character, in the original text
 * @param end         index after the last character, in the original text
 * @param replacement the text that replaces the span in the redacted text; null unless REDACT
 */
public record Span(String detector, Category category, Decision decision, int start, int end, String replacement) {
}
