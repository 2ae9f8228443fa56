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

    /**
     * Tokens whose prefix names the provider: OpenAI ({@code sk-}, {@code sk-proj-}), Google ({@code AIza}), Stripe
     * ({@code sk_live_}, {@code rk_live_}), GitLab ({@code glpat-} and kin), SendGrid ({@code SG.}), Mailchimp
     * ({@code ...-us12}), PyPI ({@code pypi-AgE}), npm ({@code npm_}), Discord bot tokens, and credentials
     * written into a URL ({@code https://user:pass@host}).
     */
    public static PatternDetector providerApiKey() {
        return PatternDetector.of("provider-api-key", Category.SECRET, "API key of a known provider",
                "(?<![A-Za-z0-9_-])(?:sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}+"
                        + "|AIza[0-9A-Za-z_-]{35}"
                        + "|(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,99}+"
                        + "|gl(?:pat|cbt|dt|rt|ft|ffct)-[0-9A-Za-z_-]{20}|glptt-[0-9A-Za-z_-]{40}|glimt-[0-9A-Za-z_-]{25}"
                        + "|gloas-[0-9A-Za-z_-]{64}|glagent-[0-9A-Za-z_-]{50,1024}+|(?:glsoat-|GR1348941)[0-9A-Za-z_-]{19,100}[0-9A-Za-z]"
                        + "|SG\\.[0-9A-Za-z_-]{22}\\.[0-9A-Za-z_-]{43}"
                        + "|[0-9a-f]{32}-us\\d{1,2}"
                        + "|pypi-AgE[0-9A-Za-z_-]{50,1000}+"
                        + "|npm_[A-Za-z0-9]{36}"
                        + "|[MNO][A-Za-z\\d]{23,25}\\.[\\w-]{6}\\.[\\w-]{27,38}+"
                        + ")(?![A-Za-z0-9_-])"
                        + "|(?<=://)[^\\s:/@\"';]{1,64}+:[^\\s:/@\"';]{3,128}+(?=@[A-Za-z0-9])")
                .checkedBy(key -> !key.startsWith("sk-") || key.chars().anyMatch(Character::isDigit));
    }

    /**
     * JFrog Artifactory keys ({@code AKC...}) and passwords ({@code AP[0-9A-F]...}), the Azure storage
     * {@code AccountKey=}, and {@code _authToken=} lines of an .npmrc.
     */
    public static PatternDetector configToken() {
        return PatternDetector.of("config-token", Category.SECRET, "token in a configuration line",
                        "(?<![A-Za-z0-9])(AKC[a-zA-Z0-9]{10,200}+|AP[\\dABCDEF][a-zA-Z0-9]{8,200}+)(?![A-Za-z0-9])"
                                + "|AccountKey=([A-Za-z0-9+/=]{40,200}+)"
                                + "|//registry\\.npmjs\\.org/:_authToken=([A-Za-z0-9_-]{10,200}+)");
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
