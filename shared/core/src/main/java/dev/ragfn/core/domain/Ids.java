package dev.ragfn.core.domain;

import dev.ragfn.core.error.InvalidInputException;

import java.util.regex.Pattern;

/** The rules every identifier follows, checked where records are built so no store sees a bad one. */
public final class Ids {

    /** Tenants and knowledge bases become parts of keys, index filters and resource names. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final int MAX_ID_LENGTH = 512;
    /** A title is shown in citations and stored with the document and each of its chunks: a line, not a text. */
    public static final int MAX_TITLE_LENGTH = 1_024;

    private Ids() {
    }

    /** A tenant or knowledge-base name: lower-case letters, digits, '-' and '_', at most 63 characters. */
    public static String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidInputException(field + " must match " + NAME.pattern() + " but was " + quote(value));
        }
        return value;
    }

    /** A document, chunk or session id: any printable text of 1 to 512 characters. */
    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(field + " must be at most " + MAX_ID_LENGTH + " characters but has " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field + " must not contain control characters: " + quote(value));
        }
        return value;
    }

    /** A document title given by a sender: at most 1,024 characters, without control characters; null means none. */
    public static String title(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TITLE_LENGTH) {
            throw new InvalidInputException(field + " must be at most " + MAX_TITLE_LENGTH + " characters but has " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field + " must not contain control characters: " + quote(value));
        }
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field + " is required");
        }
        return value;
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + shown + "'";
    }
}
