package dev.ragfn.shield.detect;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Folds text so that simple evasions match plain word lists and phrases: Unicode compatibility
 * forms (the folding of NFKC: full-width letters, ligatures; applied as NFKD so that accents can be
 * dropped too), case, invisible format characters
 * (zero-width spaces), runs of white space, Cyrillic and Greek letters that look like Latin ones,
 * light leetspeak (0→o, 1→i, |→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s), and letters spaced out one by one
 * ("i g n o r e", "i.g.n.o.r.e"). Folding goes one code point at a time so every output character
 * maps back to its source.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String text) {
        NormalizedText folded = fold(text);
        return joinSpacedLetters(new StringBuilder(folded.text()), folded.sourceStart(), folded.sourceEnd());
    }

    /**
     * For a text still being written: the offset in it from which normalizing a longer text may fold differently.
     * Before it, the normalized form of any longer text starts as this text's does. Only the last character and a
     * trailing run of letters spelled out one by one ("i g n", which may yet grow into a joined word or stop
     * short) are open.
     */
    public static int settled(String text) {
        NormalizedText folded = fold(text);
        String f = folded.text();
        int open = f.length() - 1;
        while (open > 0 && (isSpacer(f.charAt(open - 1)) || Character.isLetter(f.charAt(open - 1))
                && (open == 1 || !Character.isLetterOrDigit(f.charAt(open - 2))))) {
            open--;
        }
        return open < 0 ? 0 : folded.sourceStart()[open];
    }

    /** Each code point folded, runs of white space made one space. */
    private static NormalizedText fold(String text) {
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

    /**
     * Drops the separators inside a run of at least three single letters ("i g n o r e" becomes "ignore"),
     * so a word spelled out letter by letter matches like the word.
     */
    private static NormalizedText joinSpacedLetters(StringBuilder text, int[] sourceStart, int[] sourceEnd) {
        int n = text.length();
        boolean[] drop = new boolean[n];
        int i = 0;
        while (i < n) {
            int runEnd = i;
            int letters = 0;
            while (runEnd < n && isSingleLetter(text, runEnd)) {
                letters++;
                if (runEnd + 2 < n && isSpacer(text.charAt(runEnd + 1)) && isSingleLetter(text, runEnd + 2)) {
                    runEnd += 2;
                } else {
                    runEnd++;
                    break;
                }
            }
            if (letters >= 3) {
                for (int k = i + 1; k < runEnd; k += 2) {
                    drop[k] = true;
                }
            }
            i = Math.max(runEnd, i + 1);
        }
        StringBuilder kept = new StringBuilder(n);
        int[] keptStart = new int[n + 1];
        int[] keptEnd = new int[n + 1];
        for (int k = 0; k < n; k++) {
            if (!drop[k]) {
                keptStart[kept.length()] = sourceStart[k];
                keptEnd[kept.length()] = sourceEnd[k];
                kept.append(text.charAt(k));
            }
        }
        return new NormalizedText(kept.toString(), keptStart, keptEnd);
    }

    /** A letter with no letter or digit right before or after it, except across a spacer. */
    private static boolean isSingleLetter(CharSequence text, int at) {
        return Character.isLetter(text.charAt(at))
                && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                && (at + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(at + 1)));
    }

    private static boolean isSpacer(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '/';
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
        return unleet(lookAlike(compatible.toLowerCase(Locale.ROOT)));
    }

    /** Cyrillic and Greek lower-case letters drawn like a Latin letter, as used to dodge word lists. */
    private static final String LOOK_ALIKES = "аaвbеeёeкkмmнhоoрpсcтtуyхxіiїiјjѕsԁdӏlɡgαaβbεeιiκkνvοoρpτtυuχxωwϲcнh";

    private static String lookAlike(String s) {
        if (s.length() != 1 || s.charAt(0) < 0x250) {
            return s;
        }
        int at = LOOK_ALIKES.indexOf(s.charAt(0));
        return at >= 0 && at % 2 == 0 ? String.valueOf(LOOK_ALIKES.charAt(at + 1)) : s;
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
            case '1', '|' -> "i";
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
