package dev.ragfn.shield.detect.pii;

import java.math.BigInteger;
import java.util.Map;

/** ISO 13616: the country's IBAN length and the mod-97 check digits. */
public final class IbanChecksum {

    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AT", 20), Map.entry("BE", 16),
            Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18),
            Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27),
            Map.entry("GB", 22), Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SA", 24),
            Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("TR", 26), Map.entry("UA", 29));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private IbanChecksum() {
    }

    /** Whether {@code candidate} (spaces ignored) is an IBAN of a known length with valid check digits. */
    public static boolean isValid(String candidate) {
        String iban = candidate.replace(" ", "");
        Integer expectedLength = LENGTHS.get(iban.substring(0, Math.min(2, iban.length())));
        boolean lengthFits = expectedLength == null
                ? iban.length() >= 15 && iban.length() <= 34
                : iban.length() == expectedLength;
        return lengthFits && mod97(iban) == 1;
    }

    private static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
