package dev.ragfn.shield.detect.pii;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.detect.PatternDetector;

/** Personal data detectors. Each is one candidate pattern plus the rule that confirms a candidate. */
public final class PiiDetectors {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    private PiiDetectors() {
    }

    public static PatternDetector email() {
        return PatternDetector.of("email", Category.PII, "email address",
                "(?<![\\w.+%-])[A-Za-z0-9._%+-]{1,64}+@"
                        + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}"
                        + "(?![A-Za-z0-9-])"
                        // "jane [at] example [dot] com", "jane at example dot com": the spelled-out form evaders use
                        + "|(?i)(?<![\\w.+%-])[a-z0-9._%+-]{1,64}+ ?[\\[(] ?at ?[\\])] ?[a-z0-9-]{1,63}+"
                        + "(?: ?[\\[(] ?dot ?[\\])] ?[a-z0-9-]{1,63}+){1,4}+(?![a-z0-9-])"
                        + "|(?i)(?<![\\w.+%-])[a-z0-9._%+-]{1,64}+ at [a-z0-9-]{1,63}+(?: dot [a-z0-9-]{1,63}+){0,3}"
                        + " dot (?:com|net|org|edu|gov|io|co|de|fr|uk|es|it|nl|ch|at|be|info|biz)(?![a-z0-9-])");
    }

    public static PatternDetector phone() {
        return PatternDetector.of("phone", Category.PII, "phone number",
                        "(?<![\\w+.\\-/])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,5}(?:[ .-]?\\d{1,5}){1,5}+"
                                + "(?:x\\d{1,5})?(?![\\w+/]|[.\\-]\\d)")
                .checkedBy(PhoneNumberRules::isPhoneNumber);
    }

    public static PatternDetector paymentCard() {
        return PatternDetector.of("payment-card", Category.PII, "payment card number",
                        "(?<![\\w-])(?:\\d[ .-]?){11,18}\\d(?!\\d|[.-]\\d)")
                .checkedBy(PaymentCardRules::isCardNumber);
    }

    public static PatternDetector iban() {
        return PatternDetector.of("iban", Category.PII, "IBAN",
                        "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}"
                                + "(?:[A-Za-z0-9]{11,30}+|(?: [A-Za-z0-9]{4}){2,7}+(?: [A-Za-z0-9]{1,4})?)"
                                + "(?![A-Za-z0-9])")
                .checkedBy(candidate -> IbanChecksum.isValid(candidate.toUpperCase(java.util.Locale.ROOT)));
    }

    public static PatternDetector usSsn() {
        return PatternDetector.of("us-ssn", Category.PII, "US social security number",
                        "(?<![\\w-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\w-])")
                .checkedBy(UsSsnRules::isIssuable);
    }

    /** UK National Insurance number; the prefixes HMRC never allocates are excluded. */
    public static PatternDetector ukNino() {
        return PatternDetector.of("uk-nino", Category.PII, "UK National Insurance number",
                "(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                        + " ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])");
    }

    public static PatternDetector ipv4() {
        return PatternDetector.of("ipv4-address", Category.PII, "IPv4 address",
                // "Version 10.2.3.4", "v1.2.3.4" are version numbers, not addresses.
                "(?i:(?<!\\bversion )(?<!\\bver )(?<!\\bv))(?<![\\w.:])(?:" + OCTET + "\\.){3}" + OCTET + "(?!\\w|\\.\\d)");
    }

    public static PatternDetector ipv6() {
        return PatternDetector.of("ipv6-address", Category.PII, "IPv6 address",
                        "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}+:){2,7}+(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{1,4})?+"
                                + "(?![\\w:]|\\.\\d)")
                .checkedBy(Ipv6Address::isValid);
    }
}
