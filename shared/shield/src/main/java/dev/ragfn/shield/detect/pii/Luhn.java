package dev.ragfn.shield.detect.pii;

/** The Luhn checksum payment card numbers carry in their last digit. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether the digits of {@code number} (other characters ignored) pass the Luhn check. */
    public static boolean isValid(CharSequence number) {
        int sum = 0;
        boolean doubled = false;
        int digits = 0;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
            digits++;
        }
        return digits > 0 && sum % 10 == 0;
    }
}
