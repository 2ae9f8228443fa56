package dev.ragfn.shield.detect.pii;

/**
 * A run of 13 to 19 digits is a payment card number only if it starts like one (issuer ranges
 * 2 to 6), is not one repeated digit (which passes Luhn), and passes Luhn.
 */
final class PaymentCardRules {

    private PaymentCardRules() {
    }

    static boolean isCardNumber(String candidate) {
        String digits = candidate.replaceAll("[^0-9]", "");
        if (candidate.indexOf('.') >= 0 && !candidate.matches("\\d{4}(?:\\.\\d{4}){2,3}(?:\\.\\d{1,3})?")) {
            return false; // dots only between groups of four, as cards are printed; others are versions or amounts
        }
        boolean maestro = digits.startsWith("50") || digits.charAt(0) == '6';
        boolean jcb15 = digits.startsWith("1800") || digits.startsWith("2131");
        if (digits.length() < (maestro ? 12 : 13) || digits.length() > 19) {
            return false;
        }
        char first = digits.charAt(0);
        if ((first < '2' || first > '6') && !jcb15) {
            return false;
        }
        if (digits.chars().distinct().count() == 1) {
            return false;
        }
        return Luhn.isValid(digits);
    }
}
