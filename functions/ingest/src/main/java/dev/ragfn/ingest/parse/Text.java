package dev.ragfn.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Decoding shared by the text formats. */
final class Text {

    private static final int MAX_TITLE_LENGTH = 200;

    private Text() {
    }

    /** UTF-8 with a byte-order mark dropped; invalid bytes become U+FFFD rather than failing. */
    static String utf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The first non-blank line when it is short enough to be a title, else null. */
    static String firstLineAsTitle(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                .filter(line -> line.length() <= MAX_TITLE_LENGTH).orElse(null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void putIfPresent(Map<String, String> metadata, String key, String value) {
        String present = blankToNull(value);
        if (present != null) {
            metadata.put(key, present);
        }
    }
}
