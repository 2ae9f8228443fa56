package dev.ragfn.shield.detect.pii;

import java.util.regex.Pattern;

/**
 * Tells a phone number from other grouped digits (dates, versions, amounts, identifiers). With
 * a leading {@code +} it must have 8 to 15 digits (E.164); with a parenthesised area code 9 to
 * 12; otherwise it must be written the way numbers are dialled: North American [1-]3-3-4, or a
 * national number starting with a 0 trunk prefix.
 */
final class PhoneNumberRules {

    /** NANP: area code and exchange start with 2-9; an optional leading 1 is the country code. */
    private static final Pattern NORTH_AMERICAN = Pattern.compile("(?:1([-. ]))?[2-9]\\d{2}([-. ])[2-9]\\d{2}\\2\\d{4}");
    private static final Pattern NATIONAL_WITH_TRUNK_PREFIX = Pattern.compile("0\\d{1,4}[ -]\\d{3,4}(?:[ -]?\\d{3,4})?");

    private PhoneNumberRules() {
    }

    static boolean isPhoneNumber(String candidate) {
        int digits = (int) candidate.chars().filter(Character::isDigit).count();
        if (candidate.startsWith("+")) {
            return digits >= 8 && digits <= 15;
        }
        if (candidate.contains("(")) {
            return digits >= 9 && digits <= 12;
        }
        return NORTH_AMERICAN.matcher(candidate).matches()
                || NATIONAL_WITH_TRUNK_PREFIX.matcher(candidate).matches() && digits >= 9 && digits <= 11;
    }
}
