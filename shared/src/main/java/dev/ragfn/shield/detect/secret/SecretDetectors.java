package dev.ragfn.shield.detect.secret;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.detect.PatternDetector;

/** Credential detectors: provider token formats, and high-entropy values assigned to key-like names. */
public final class SecretDetectors {

    private SecretDetectors() {
    }

    public static PatternDetector awsAccessKey() {
        return PatternDetector.of("aws-access-key", Category.SECRET, "AWS access key id",
                "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Za-z0-9])");
    }

    public static PatternDetector githubToken() {
        return PatternDetector.of("github-token", Category.SECRET, "GitHub token",
                "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}+|github_pat_[A-Za-z0-9_]{22,242}+)(?![A-Za-z0-9_])");
    }

    public static PatternDetector slackToken() {
        return PatternDetector.of("slack-token", Category.SECRET, "Slack token or webhook",
                "(?<![A-Za-z0-9-])xox[abposr]-[A-Za-z0-9-]{10,250}+(?![A-Za-z0-9-])"
                        + "|https://hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}+/B[A-Z0-9]{8,12}+/[A-Za-z0-9]{20,32}+");
    }

    public static PatternDetector jwt() {
        return PatternDetector.of("jwt", Category.SECRET, "JSON Web Token",
                        "(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{4,}+\\.eyJ[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]*+(?![A-Za-z0-9_.-])")
                .checkedBy(JwtRules::hasJsonHeader);
    }

    /** OpenAI ({@code sk-}, {@code sk-proj-}), Google ({@code AIza}) and Stripe secret ({@code sk_live_}) API keys. */
    public static PatternDetector providerApiKey() {
        return PatternDetector.of("provider-api-key", Category.SECRET, "API key of a known provider",
                "(?<![A-Za-z0-9_-])(?:sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}+"
                        + "|AIza[0-9A-Za-z_-]{35}"
                        + "|(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,99}+)(?![A-Za-z0-9_-])")
                .checkedBy(key -> !key.startsWith("sk-") || key.chars().anyMatch(Character::isDigit));
    }

    /**
     * {@code password = "S3cr3t!pass"}: a password may be short and full of symbols, so it needs only eight
     * characters with letters and a digit or symbol, and not a placeholder or a variable reference.
     */
    public static PatternDetector passwordAssignment() {
        return PatternDetector.of("password-assignment", Category.SECRET, "password assigned in text or config",
                        "(?i)(?<![A-Za-z0-9])(?:password|passwd|pwd|passphrase|db_pass|pass)[\"']?\\s{0,3}+(?::=|=>|[:=])"
                                + "\\s{0,3}+[\"'`]?([^\\s\"'`,;]{8,128}+)")
                .reportingGroup(1)
                .checkedBy(AssignedSecretRules::looksLikePassword);
    }

    public static PrivateKeyDetector privateKey() {
        return new PrivateKeyDetector();
    }

    /**
     * {@code api_key = "..."}, {@code OPENAI_API_KEY=...}, {@code password: ...}, {@code Bearer ...}: reports the
     * value only. The separator is required, so prose such as "the secret sauce" never reaches the value check.
     */
    public static PatternDetector assignedSecret() {
        return PatternDetector.of("api-key-assignment", Category.SECRET, "high-entropy value assigned to a key name",
                        "(?i)(?<![A-Za-z0-9])(?:(?:api[ _-]?key|api[_-]?secret|secret[_-]?key|access[_-]?key(?:[_-]?id)?"
                                + "|access[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?token|token|secret"
                                + "|password|passwd)[\"']?\\s{0,3}+(?::=|=>|[:=])|bearer\\s)\\s{0,3}+[\"']?"
                                + "([A-Za-z0-9_\\-+/=.~]{16,256}+)(?![A-Za-z0-9_\\-+/=.~])")
                .reportingGroup(1)
                .checkedBy(AssignedSecretRules::looksLikeSecret);
    }
}
