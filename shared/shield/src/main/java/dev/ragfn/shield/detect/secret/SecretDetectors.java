package dev.ragfn.shield.detect.secret;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.detect.PatternDetector;

/** Credential detectors: provider token formats, and high-entropy values assigned to key-like names. */
public final class SecretDetectors {

    private SecretDetectors() {
    }

    public static PatternDetector awsAccessKey() {
        return PatternDetector.of("aws-access-key", Category.SECRET, "AWS access key id",
                "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])"
                        // The secret access key is 40 base64 characters; only its name tells it from other base64.
                        + "|(?=[Aa])(?i:aws_?(?:secret_?)?(?:access_?)?key)[\"']?\\s{0,3}+(?::=|=>|[:=])\\s{0,3}+[\"']?"
                        + "([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")
                .reportingFirstGroup();
    }

    public static PatternDetector githubToken() {
        return PatternDetector.of("github-token", Category.SECRET, "GitHub token",
                "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}+|github_pat_[A-Za-z0-9_]{22,242}+)(?![A-Za-z0-9_])");
    }

    public static PatternDetector slackToken() {
        return PatternDetector.of("slack-token", Category.SECRET, "Slack token or webhook",
                "(?<![A-Za-z0-9-])xox[abposr]-[A-Za-z0-9-]{10,250}+(?![A-Za-z0-9-])"
                        + "|https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]{8,12}+/B[A-Za-z0-9_]{8,12}+/[A-Za-z0-9_]{20,32}+");
    }

    public static PatternDetector jwt() {
        return PatternDetector.of("jwt", Category.SECRET, "JSON Web Token",
                        "(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{4,}+\\.eyJ[A-Za-z0-9_-]{4,}+(?:\\.[A-Za-z0-9_-]*+)?(?![A-Za-z0-9_.-])")
                .checkedBy(JwtRules::hasJsonHeader);
    }

    /**
     * Tokens whose prefix names the provider: OpenAI ({@code sk-}, {@code sk-proj-}), Google ({@code AIza}), Stripe
     * ({@code sk_live_}, {@code rk_live_}), GitLab ({@code glpat-} and kin), SendGrid ({@code SG.}), Mailchimp
     * ({@code ...-us12}), PyPI ({@code pypi-AgE}), npm ({@code npm_}), Discord and Telegram bot tokens, Twilio
     * ({@code AC}/{@code SK} + 32), Square ({@code sq0atp-}, {@code sq0csp-}, {@code EAAA}), SoftLayer API URLs, and
     * credentials written into a URL ({@code https://user:pass@host}).
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
                        + "|\\d{8,10}:AA[0-9A-Za-z_-]{33}"
                        + "|(?:AC|SK)[0-9a-z]{32}"
                        + "|sq0(?:atp|idp)-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43}|EAAA[0-9A-Za-z_+=-]{60}"
                        + ")(?![A-Za-z0-9_-])"
                        + "|api\\.softlayer\\.com/(?:soap|rest)/v3(?:\\.1)?/[a-z0-9]{64}(?![a-z0-9])"
                        + "|(?<=://)[^\\s:/@\"';]{1,64}+:[^\\s:/@\"';]{3,128}+(?=@[A-Za-z0-9])")
                .checkedBy(key -> !key.startsWith("sk-") || key.chars().anyMatch(Character::isDigit));
    }

    /**
     * JFrog Artifactory keys ({@code AKC...}) and passwords ({@code AP[0-9A-F]...}), the Azure storage
     * {@code AccountKey=}, {@code _authToken=} lines of an .npmrc, and credentials whose name says the provider and
     * whose value has that provider's length: SoftLayer (64), IBM Cloud IAM (44), IBM COS HMAC secret (48 hex),
     * Cloudant (64 hex or 24 letters). Reports the value.
     */
    public static PatternDetector configToken() {
        return PatternDetector.of("config-token", Category.SECRET, "token in a configuration line",
                        "(?<![A-Za-z0-9])(AKC[a-zA-Z0-9]{10,200}+|AP[\\dABCDEF][a-zA-Z0-9]{8,200}+)(?![A-Za-z0-9])"
                                + "|AccountKey=([A-Za-z0-9+/=]{40,200}+)"
                                + "|//registry\\.npmjs\\.org/:_authToken=\\s{0,3}+([A-Za-z0-9_-]{10,200}+)"
                                + "|(?=[SsIiCc])(?<![A-Za-z0-9])(?:"
                                + named("(?:softlayer|sl)[_-]?(?:api)?[_-]?(?:key|pwd|password|pass|token)", "[a-z0-9]{64}")
                                + "|" + named("(?:ibm[_-]?cloud[_-]?iam|cloud[_-]?iam|ibm[_-]?cloud|ibm[_-]?iam|ibm|iam)[_-]?"
                                        + "(?:api)?[_-]?(?:key|pwd|password|pass|token)", "[A-Za-z0-9_-]{44}")
                                + "|" + named("(?:(?:ibm[_-]?)?cos[_-]?hmac[_-]?)?secret[_-]?(?:access[_-]?)?key", "[a-f0-9]{48}")
                                + "|" + named("(?:cloudant|clou|cl)[_-]?(?:api)?[_-]?(?:key|pwd|pw|password|pass|token)",
                                "[0-9a-f]{64}|[a-z]{24}")
                                + ")")
                .reportingFirstGroup();
    }

    /**
     * {@code name = value}: a key name (case-insensitive; the caller anchors it at a word start), an assignment
     * ({@code =}, {@code :}, {@code :=}, {@code =>}, or a space as on a command line), an optionally quoted value of
     * exactly the given form, captured, and no further value character.
     */
    private static String named(String name, String value) {
        return "(?i:" + name + ")[\"']?(?:\\s{0,3}+(?::=|=>|[:=])|\\s)\\s{0,3}+[\"']?(" + value + ")(?![A-Za-z0-9_-])";
    }

    /**
     * A literal assigned to, or compared with, a name that says password, secret or API key, as code and
     * configuration write it: {@code password = "S3cr3t!pass"}, {@code db_pass := x9;k}, {@code char secret[] = "..."},
     * {@code if ("..." == my_password)}, {@code --password "..."}. A quoted literal may be anything but a placeholder
     * or template; an unquoted one must not read as a variable, an expression ending in {@code ;}, or a value after
     * {@code =>}, since in code those are names, not secrets (see {@link AssignedSecretRules#looksLikeCredential}).
     */
    public static PatternDetector passwordAssignment() {
        // Whatever precedes the keyword in the name (my_, db_, userP...) need not be matched: no prefix to backtrack over.
        String name = "(?:pass(?:word|wd|phrase)?|pwd|secrete?|private[_-]?key|api[_-]?key)[\\w-]{0,30}+"
                + "(?:\\[\\d{0,4}+\\])?[\"']?";
        String quoted = "(?:\"([^\"\\r\\n]{1,200}+)\"|'([^'\\r\\n]{1,200}+)'|`([^`\\r\\n]{1,200}+)`)";
        return PatternDetector.of("password-assignment", Category.SECRET, "password assigned in text or config",
                        "(?i)(?=[psa])" + name + "(?:\\s{0,3}+(?:===?|!==?|:=|=>|[:=])\\s{0,3}+@?" + quoted
                                + "|\\s{0,3}+(?:===?|!==?|:=|[:=])\\s{0,3}+(?![>=])([^\\s\"'`,;]{6,200}+)(?!\\s{0,3}+;)"
                                + "|\\s{1,3}+\"([^\"\\r\\n]{1,200}+)\")"
                                + "|(?=[\"'])(?:\"([^\"\\r\\n]{1,200}+)\"|'([^'\\r\\n]{1,200}+)')\\s{0,3}+(?:===?|!==?)\\s{0,3}+"
                                + "[\\w.-]{0,30}?" + name)
                .reportingFirstGroup()
                .checkedBy(AssignedSecretRules::looksLikeCredential);
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
