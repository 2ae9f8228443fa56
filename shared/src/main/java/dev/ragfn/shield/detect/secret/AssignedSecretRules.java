package dev.ragfn.shield.detect.secret;

import java.util.List;
import java.util.Locale;

/**
 * The value of a {@code api_key=...} assignment is a secret when it looks random: letters and
 * digits mixed, high entropy, and not one of the placeholders documentation uses.
 */
final class AssignedSecretRules {

    static final double MIN_BITS_PER_CHAR = 3.5;

    private static final List<String> PLACEHOLDERS = List.of(
            "your", "example", "placeholder", "xxxx", "changeme", "redacted", "dummy", "sample", "<", "${", "{{", "****");

    private AssignedSecretRules() {
    }

    static boolean looksLikePassword(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::contains) || value.startsWith("$") || value.startsWith("%")
                || lower.startsWith("os.") || lower.startsWith("env") || lower.startsWith("process.")
                || lower.startsWith("getenv") || lower.startsWith("none") || lower.startsWith("null")) {
            return false;
        }
        boolean hasLetter = value.chars().anyMatch(Character::isLetter);
        boolean hasOther = value.chars().anyMatch(c -> !Character.isLetter(c) && c != '-' && c != '_' && c != '.');
        return hasLetter && hasOther && Entropy.bitsPerChar(value) >= 2.5;
    }

    static boolean looksLikeSecret(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::contains)) {
            return false;
        }
        boolean hasDigit = value.chars().anyMatch(Character::isDigit);
        boolean hasLetter = value.chars().anyMatch(Character::isLetter);
        return hasDigit && hasLetter && Entropy.bitsPerChar(value) >= MIN_BITS_PER_CHAR;
    }
}
