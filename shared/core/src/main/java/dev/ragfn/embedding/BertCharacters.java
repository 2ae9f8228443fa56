package dev.ragfn.embedding;

import java.util.Map;

/**
 * The character classes of the Rust BERT normalizer and pre-tokenizer, by code point. Their
 * general categories are those of Unicode 8.0, the version the Rust tokenizer's tables have, not
 * the JDK's: a character added since, or moved to another category, must count as it counts there.
 */
final class BertCharacters {

    private static final int REPLACEMENT = 0xFFFD;

    private static final Map<String, CodePointSet> UNICODE_8 = CodePointSet.read("unicode-8.0-categories.txt");
    private static final CodePointSet OTHER = UNICODE_8.get("other");
    private static final CodePointSet NONSPACING_MARK = UNICODE_8.get("nonspacing_mark");
    private static final CodePointSet PUNCTUATION = UNICODE_8.get("punctuation");

    private BertCharacters() {
    }

    /**
     * Dropped by clean_text: U+FFFD and control (NUL among them), format and private-use
     * characters, but not tab and line breaks. Unassigned code points stay.
     */
    static boolean isRemovedByCleaning(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c == REPLACEMENT || OTHER.contains(c);
    }

    /**
     * Rust's char::is_whitespace, the Unicode White_Space property. Not Java's isWhitespace,
     * which leaves out no-break spaces and counts U+001C..U+001F.
     */
    static boolean isWhitespace(int c) {
        return switch (c) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** The ideograph blocks BERT isolates; kana and Hangul are not among them. */
    static boolean isChineseIdeograph(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    /** Removed when stripping accents, after NFD. */
    static boolean isNonspacingMark(int c) {
        return NONSPACING_MARK.contains(c);
    }

    /** ASCII punctuation (which includes symbols such as $ + < = > ^ ` | ~) or a Unicode P* character. */
    static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60)
                    || (c >= 0x7B && c <= 0x7E);
        }
        return PUNCTUATION.contains(c);
    }
}
