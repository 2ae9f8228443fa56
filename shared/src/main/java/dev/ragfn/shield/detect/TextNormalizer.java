package dev.ragfn.shield.detect;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Folds text so that simple evasions match plain word lists and phrases: Unicode compatibility
 * forms (the folding of NFKC: full-width letters, ligatures; applied as NFKD so that accents can be
 * dropped too), case, invisible format characters
 * (zero-width spaces), runs of white space, and light leetspeak (0→o, 1→i, 3→e, 4→a, 5→s,
 * 7→t, @→a, $→s). Folding goes one code point at a time so every output character maps back to
 * its source.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] sourceStart = new int[text.length() + 1];
        int[] sourceEnd = new int[text.length() + 1];
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String folded = fold(codePoint);
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                boolean repeatsSpace = c == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ');
                if (repeatsSpace) {
                    continue;
                }
                if (out.length() == sourceStart.length) {
                    sourceStart = Arrays.copyOf(sourceStart, sourceStart.length * 2);
                    sourceEnd = Arrays.copyOf(sourceEnd, sourceEnd.length * 2);
                }
                sourceStart[out.length()] = i;
                sourceEnd[out.length()] = next;
                out.append(c);
            }
            i = next;
        }
        return new NormalizedText(out.toString(), sourceStart, sourceEnd);
    }

    /** Folds one term of a word list the same way, so terms and texts compare equal. */
    public static String normalizeTerm(String term) {
        return normalize(term.strip()).text().strip();
    }

    private static String fold(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return " ";
        }
        if (Character.getType(codePoint) == Character.FORMAT) {
            return "";
        }
        String compatible = codePoint < 0x80
                ? String.valueOf((char) codePoint)
                : withoutMarks(Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD));
        return unleet(compatible.toLowerCase(Locale.ROOT));
    }

    private static String withoutMarks(String decomposed) {
        StringBuilder kept = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static String unleet(String s) {
        if (s.length() != 1) {
            return s;
        }
        return switch (s.charAt(0)) {
            case '0' -> "o";
            case '1' -> "i";
            case '3' -> "e";
            case '4' -> "a";
            case '5' -> "s";
            case '7' -> "t";
            case '@' -> "a";
            case '$' -> "s";
            default -> s;
        };
    }
}
