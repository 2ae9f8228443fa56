package dev.ragfn.shield.detect.secret;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The value of a {@code api_key=...} assignment is a secret when it looks random: letters and
 * digits mixed, high entropy, and not one of the placeholders documentation uses.
 */
final class AssignedSecretRules {

    static final double MIN_BITS_PER_CHAR = 3.5;

    /** A UUID in its usual 8-4-4-4-12 form, any version. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final List<String> PLACEHOLDERS = List.of(
            "your", "example", "placeholder", "xxxx", "changeme", "redacted", "dummy", "sample", "<", "${", "{{", "****");

    private static final List<String> CREDENTIAL_PLACEHOLDERS = List.of("your_", "your-", "yourpassword", "example",
            "placeholder", "xxxx", "changeme", "change_me", "redacted", "dummy", "fake", "insert", "****", "...");
    private static final List<String> TEMPLATE_STARTS = List.of("$", "{{", "<", "%", "#{", "os.", "env.", "env[",
            "process.env", "getenv", "system.getenv", "settings.", "config.", "/", "~/", "./");

    private AssignedSecretRules() {
    }

    /**
     * A credential literal: not empty of letters and digits, not a placeholder ("your_api_key_here", "fake"), not a
     * template or variable reference ({@code ${X}}, {@code {{x}}}, {@code <X>}, {@code %s}, {@code os.environ}),
     * and not a bare name such as {@code null}, {@code settings.SECRET_KEY} or {@code shorter-version} (no digit, space or symbol
     * but {@code _.-}).
     */
    static boolean looksLikeCredential(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.chars().noneMatch(Character::isLetterOrDigit)
                || CREDENTIAL_PLACEHOLDERS.stream().anyMatch(lower::contains)
                || TEMPLATE_STARTS.stream().anyMatch(lower::startsWith)) {
            return false;
        }
        return !lower.matches("[a-z_][a-z_.\\-\\[\\]()]*+");
    }

    /**
     * Random-looking, and not a bare UUID: under a generic name such as {@code token} or {@code access_key} a UUID is
     * far more often a request, tenant or object id than a credential (detect-secrets drops them by default for the
     * same reason, its {@code is_potential_uuid} filter). Providers whose tokens are UUIDs are matched by name and
     * place instead (the npm registry's {@code _authToken}, see {@link SecretDetectors#configToken()}).
     */
    static boolean looksLikeSecret(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::contains) || UUID.matcher(value).matches()) {
            return false;
        }
        boolean hasDigit = value.chars().anyMatch(Character::isDigit);
        boolean hasLetter = value.chars().anyMatch(Character::isLetter);
        return hasDigit && hasLetter && Entropy.bitsPerChar(value) >= MIN_BITS_PER_CHAR;
    }
}
