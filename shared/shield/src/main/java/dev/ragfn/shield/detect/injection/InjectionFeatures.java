package dev.ragfn.shield.detect.injection;

import dev.ragfn.shield.detect.TextNormalizer;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hashed bag of features of a text, the input of {@link InjectionClassifier}. From the normalized text: words, word
 * pairs, and character 1- to 5-grams with their spaces (so words split mid-word and unknown spellings still share
 * features with the plain ones). From the original text: what the normalizer had to undo or what it cannot see, as
 * one feature each (look-alike letters mixed into Latin words, leetspeak inside words, invisible characters,
 * full-width forms, a base64 run, the language of the function words, shouting, line breaks, quotes, the length).
 * Each feature counts once; the vector has unit length.
 */
public final class InjectionFeatures {

    /** Number of hash buckets; a power of two. */
    public static final int DIMENSIONS = 1 << 16;
    /** Texts are cut here: the classifier decides on the beginning of a long text, and the cost stays bounded. */
    static final int MAX_CHARS = 4000;

    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{24,}+={0,2}");
    /** A few function words per language: two of one list make the text that language. */
    private static final List<Set<String>> LANGUAGES = List.of(
            Set.of("der", "die", "das", "und", "ich", "sie", "nicht", "ist", "mir", "ein", "eine", "zu", "mit", "fur"),
            Set.of("le", "la", "les", "et", "je", "vous", "pas", "est", "une", "des", "du", "pour", "dans", "moi"),
            Set.of("el", "los", "las", "y", "yo", "usted", "no", "es", "una", "del", "para", "por", "con", "que"));
    private static final String[] LANGUAGE_NAMES = {"de", "fr", "es"};

    private InjectionFeatures() {
    }

    /** Sorted distinct bucket indices; every one has the value {@code 1/sqrt(count)}. */
    public static int[] of(String original) {
        String cut = original.length() > MAX_CHARS ? original.substring(0, MAX_CHARS) : original;
        String text = TextNormalizer.normalize(cut).text();
        int[] buckets = new int[text.length() * 7 + 32];
        int count = 0;
        String padded = " " + text + " ";
        for (int n = 1; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                buckets[count++] = bucket(n, padded, i, i + n);
            }
        }
        String[] words = text.split("[^\\p{L}\\p{N}']+");
        String previous = "<s>";
        int[] languageHits = new int[LANGUAGES.size()];
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            buckets[count++] = bucket(11, word, 0, word.length());
            String pair = previous + " " + word;
            buckets[count++] = bucket(12, pair, 0, pair.length());
            previous = word;
            for (int l = 0; l < languageHits.length; l++) {
                languageHits[l] += LANGUAGES.get(l).contains(word) ? 1 : 0;
            }
        }
        for (String signal : signals(cut, words.length, languageHits)) {
            buckets[count++] = bucket(13, signal, 0, signal.length());
        }
        int[] sorted = Arrays.copyOf(buckets, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** What the normalizer folded away or cannot see, one name per finding, at most 12. */
    private static List<String> signals(String original, int words, int[] languageHits) {
        String[] found = new String[12];
        int n = 0;
        int upper = 0, letters = 0;
        boolean lookAlike = false, leet = false, invisible = false, fullWidth = false, lines = false, quotes = false;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            boolean letterBefore = i > 0 && isLatinLetter(original.charAt(i - 1));
            boolean letterAfter = i + 1 < original.length() && isLatinLetter(original.charAt(i + 1));
            if (Character.isLetter(c)) {
                letters++;
                upper += Character.isUpperCase(c) ? 1 : 0;
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                lookAlike |= (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK)
                        && (letterBefore || letterAfter);
            }
            leet |= "0134578@$|".indexOf(c) >= 0 && letterBefore && letterAfter;
            invisible |= Character.getType(c) == Character.FORMAT;
            fullWidth |= c >= '\uFF01' && c <= '\uFF5E';
            lines |= c == '\n';
            quotes |= c == '"' || c == '\'' || c == '\u201C' || c == '\u00AB' || c == '`';
        }
        if (lookAlike) found[n++] = "look-alike letters";
        if (leet) found[n++] = "leetspeak";
        if (invisible) found[n++] = "invisible characters";
        if (fullWidth) found[n++] = "full-width forms";
        if (lines) found[n++] = "line breaks";
        if (quotes) found[n++] = "quotes";
        if (letters > 0 && upper * 3 > letters) found[n++] = "shouting";
        if (BASE64_RUN.matcher(original).find()) found[n++] = "base64 run";
        if (original.chars().anyMatch(c -> c > 0x7f && Character.isLetter(c))) found[n++] = "non-ascii letters";
        for (int l = 0; l < languageHits.length; l++) {
            if (languageHits[l] >= 2) {
                found[n++] = "language " + LANGUAGE_NAMES[l];
                break;
            }
        }
        found[n++] = "length " + Math.min(6, 31 - Integer.numberOfLeadingZeros(words + 1));
        return Arrays.asList(found).subList(0, n);
    }

    private static boolean isLatinLetter(char c) {
        return c < 0x250 && Character.isLetter(c);
    }

    /** FNV-1a over the characters, seeded by the kind of feature, folded into the bucket range. */
    private static int bucket(int kind, String s, int from, int to) {
        int hash = 0x811c9dc5 ^ kind * 0x01000193;
        for (int i = from; i < to; i++) {
            hash ^= s.charAt(i);
            hash *= 0x01000193;
        }
        hash ^= hash >>> 15;
        return hash & (DIMENSIONS - 1);
    }
}
