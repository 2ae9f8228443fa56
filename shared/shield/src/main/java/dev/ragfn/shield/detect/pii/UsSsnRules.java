package dev.ragfn.shield.detect.pii;

/**
 * The Social Security Administration never issues area 000, 666 or 900-999, group 00 or serial
 * 0000; 078-05-1120 (printed in a wallet ad) and 123-45-6789 (used in examples) are void.
 */
final class UsSsnRules {

    private UsSsnRules() {
    }

    static boolean isIssuable(String candidate) {
        String digits = candidate.replaceAll("[^0-9]", "");
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        boolean validRanges = area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
        return validRanges && !digits.equals("078051120") && !digits.equals("123456789");
    }
}
