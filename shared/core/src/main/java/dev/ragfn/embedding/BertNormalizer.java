package dev.ragfn.embedding;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;

/**
 * The {@code BertNormalizer} of Hugging Face tokenizers: drops control characters and turns
 * white space into plain spaces, puts spaces around CJK ideographs, strips accents, lowercases.
 * The steps run in that order over the whole text, as the Rust one runs them.
 */
final class BertNormalizer {

    /** A noncharacter, which no ASCII character maps to: marks the ones clean_text drops. */
    private static final char DROPPED = '\uFFFF';

    private final boolean cleanText;
    private final boolean handleChineseChars;
    private final boolean stripAccents;
    private final boolean lowercase;
    private final char[] ascii;

    BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {
        this.cleanText = cleanText;
        this.handleChineseChars = handleChineseChars;
        this.stripAccents = stripAccents;
        this.lowercase = lowercase;
        this.ascii = asciiTable();
    }

    /** Reads the {@code normalizer} object of a tokenizer.json. */
    static BertNormalizer fromJson(JsonNode normalizer) {
        String type = normalizer.path("type").asText("null");
        if (!type.equals("BertNormalizer")) {
            throw new IllegalArgumentException("tokenizer.json has normalizer " + type
                    + "; WordPieceTokenCounter implements only BertNormalizer");
        }
        boolean lowercase = normalizer.path("lowercase").asBoolean(true);
        JsonNode stripAccents = normalizer.path("strip_accents");
        return new BertNormalizer(normalizer.path("clean_text").asBoolean(true),
                normalizer.path("handle_chinese_chars").asBoolean(true),
                // Unset means "strip when lowercasing", as in the original BERT.
                stripAccents.isBoolean() ? stripAccents.asBoolean() : lowercase,
                lowercase);
    }

    /** Text of plain ASCII, the common case, is mapped character by character through a table. */
    String normalize(String text, int from, int to) {
        char[] out = new char[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return normalizeAny(text, from, to);
            }
            char mapped = ascii[c];
            if (mapped != DROPPED) {
                out[length++] = mapped;
            }
        }
        return new String(out, 0, length);
    }

    private String normalizeAny(String text, int from, int to) {
        StringBuilder cleaned = new StringBuilder(to - from + 16);
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            appendCleaned(cleaned, c);
        }
        String decomposed = stripAccents ? Normalizer.normalize(cleaned, Normalizer.Form.NFD) : cleaned.toString();
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (stripAccents && BertCharacters.isNonspacingMark(c)) {
                continue;
            }
            if (lowercase) {
                appendLowercase(out, c);
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** clean_text and handle_chinese_chars, which look at one character at a time. */
    private void appendCleaned(StringBuilder out, int c) {
        if (cleanText && BertCharacters.isRemovedByCleaning(c)) {
            return;
        }
        if (cleanText && BertCharacters.isWhitespace(c)) {
            out.append(' ');
        } else if (handleChineseChars && BertCharacters.isChineseIdeograph(c)) {
            out.append(' ').appendCodePoint(c).append(' ');
        } else {
            out.appendCodePoint(c);
        }
    }

    /** Every step applied to each ASCII character alone: NFD leaves ASCII as it is, and none is an ideograph. */
    private char[] asciiTable() {
        char[] table = new char[0x80];
        for (char c = 0; c < table.length; c++) {
            StringBuilder one = new StringBuilder(1);
            appendCleaned(one, c);
            table[c] = one.isEmpty() ? DROPPED : lowercase ? Character.toLowerCase(one.charAt(0)) : one.charAt(0);
        }
        return table;
    }

    /**
     * Rust's char::to_lowercase, character by character: the simple mapping, except for U+0130,
     * the one character whose full lowercase mapping is longer. No final sigma, no locale.
     */
    private static void appendLowercase(StringBuilder out, int c) {
        if (c == 0x130) {
            out.append("i\u0307");
        } else {
            out.appendCodePoint(Character.toLowerCase(c));
        }
    }
}
