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

    /**
     * Three or more groups of 2 to 4 digits with one separator, as European numbers are written: spaces (0490 75 40
     * 81), dots between pairs (03.93.92.16.85, never an IPv4 address), or four groups or more with dashes (so a US
     * SSN's 3-2-4 is not taken for one).
     */
    private static final Pattern GROUPED = Pattern.compile("\\d{2,4}(?: \\d{2,4}){2,5}|\\d{2}(?:\\.\\d{2}){4}"
            + "|\\d{2,4}(?:-\\d{2,4}){3,5}");
    /** Dates, and the 3-2-4 shape of a US SSN, written with the same separators. */
    private static final Pattern NOT_A_PHONE = Pattern.compile("\\d{1,2}[./ -]\\d{1,2}[./ -]\\d{4}"
            + "|\\d{4}[./ -]\\d{1,2}[./ -]\\d{1,2}|\\d{3} \\d{2} \\d{4}");

    static boolean isPhoneNumber(String written) {
        // An extension ("x123") is part of the number but not of the dialled digits.
        String candidate = written.replaceFirst("x\\d{1,5}$", "");
        int digits = (int) candidate.chars().filter(Character::isDigit).count();
        if (candidate.chars().filter(Character::isDigit).distinct().count() == 1) {
            return false; // 0000 0000: a placeholder
        }
        if (candidate.startsWith("+")) {
            return digits >= 8 && digits <= 15;
        }
        if (candidate.startsWith("00") || candidate.startsWith("011")) {
            // International call prefix instead of "+": 0044 20 7946 0958, 001-518-640-0854.
            return digits >= 10 && digits <= 18;
        }
        if (GROUPED.matcher(candidate).matches() && !NOT_A_PHONE.matcher(candidate).matches()) {
            return digits >= 8 && digits <= 12;
        }
        if (candidate.contains("(")) {
            return digits >= 9 && digits <= 12;
        }
        return NORTH_AMERICAN.matcher(candidate).matches()
                || NATIONAL_WITH_TRUNK_PREFIX.matcher(candidate).matches() && digits >= 9 && digits <= 11;
    }
}
