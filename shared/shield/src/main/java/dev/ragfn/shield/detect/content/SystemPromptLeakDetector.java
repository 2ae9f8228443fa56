package dev.ragfn.shield.detect.content;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;
import dev.ragfn.shield.detect.NormalizedText;
import dev.ragfn.shield.detect.StreamedDetection;
import dev.ragfn.shield.detect.TextNormalizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer leaks the system prompt when it repeats a large enough share of the prompt's word
 * n-grams (shingles). Quoting a common phrase shares a shingle or two; reciting the prompt, even
 * reworded at the edges, shares many. Words are compared after normalization.
 */
public final class SystemPromptLeakDetector implements Detector {

    static final int SHINGLE_WORDS = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']++");

    private final double threshold;

    /** @param threshold share of the system prompt's shingles an answer must repeat to count as a leak */
    public SystemPromptLeakDetector(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String id() {
        return "system-prompt-leak";
    }

    @Override
    public Category category() {
        return Category.SYSTEM_PROMPT_LEAK;
    }

    @Override
    public List<Finding> detect(ShieldRequest request) {
        if (request.systemPrompt() == null || request.systemPrompt().isBlank()) {
            return List.of();
        }
        List<Word> promptWords = words(TextNormalizer.normalize(request.systemPrompt()));
        int size = Math.min(SHINGLE_WORDS, promptWords.size());
        if (size == 0) {
            return List.of();
        }
        Set<String> promptShingles = shingles(promptWords, size);
        NormalizedText answer = TextNormalizer.normalize(request.text());
        List<Word> answerWords = words(answer);
        Set<String> repeated = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i + size <= answerWords.size(); i++) {
            String shingle = shingle(answerWords, i, size);
            if (promptShingles.contains(shingle)) {
                repeated.add(shingle);
                addMerged(findings, answer.toOriginal(answerWords.get(i).start(), answerWords.get(i + size - 1).end(),
                        "repeats the system prompt"));
            }
        }
        return repeated.size() >= needed(promptShingles) ? findings : List.of();
    }

    /**
     * Whether a text leaks depends on all of it: the stream is held from the first repeated shingle, below the
     * threshold, since later text may still reach it; once shingles no later text can change reach it, the leak
     * is certain from the first of them. Otherwise the words that may still grow into a shingle are open.
     */
    @Override
    public int settled(ShieldRequest request) {
        String text = request.text();
        if (request.systemPrompt() == null || request.systemPrompt().isBlank()) {
            return text.length();
        }
        List<Word> promptWords = words(TextNormalizer.normalize(request.systemPrompt()));
        int size = Math.min(SHINGLE_WORDS, promptWords.size());
        if (size == 0) {
            return text.length();
        }
        Set<String> promptShingles = shingles(promptWords, size);
        NormalizedText answer = TextNormalizer.normalize(text);
        int stableLength = answer.lengthBefore(TextNormalizer.settled(text));
        // A word is over once a character that is no part of it follows, inside the stable part.
        List<Word> words = words(answer).stream().filter(word -> word.end() < stableLength).toList();
        Set<String> repeated = new HashSet<>();
        int firstRepeated = -1;
        for (int i = 0; i + size <= words.size(); i++) {
            String shingle = shingle(words, i, size);
            if (promptShingles.contains(shingle)) {
                repeated.add(shingle);
                firstRepeated = firstRepeated < 0 ? words.get(i).start() : firstRepeated;
            }
        }
        if (firstRepeated >= 0 && repeated.size() >= needed(promptShingles)) {
            return answer.originalStart(firstRepeated, text.length()) + 1;
        }
        // The last words are open if they may begin a shingle of the prompt with words still to come.
        int open = stableLength;
        for (int i = Math.max(0, words.size() - size + 1); i < words.size(); i++) {
            String start = shingle(words, i, words.size() - i);
            if (promptShingles.stream().anyMatch(shingle -> shingle.startsWith(start))) {
                open = words.get(i).start();
                break;
            }
        }
        // Any repetition, even below the threshold and in words not yet over, holds the text from there.
        int firstAny = firstRepetition(words(answer), promptShingles, size);
        return answer.originalStart(Math.min(open, firstAny), text.length());
    }

    @Override
    public StreamedDetection streamed(ShieldRequest request) {
        boolean noPrompt = request.systemPrompt() == null || request.systemPrompt().isBlank();
        return noPrompt ? StreamedDetection.nothingToFind() : Detector.super.streamed(request);
    }

    private static int firstRepetition(List<Word> words, Set<String> promptShingles, int size) {
        for (int i = 0; i + size <= words.size(); i++) {
            if (promptShingles.contains(shingle(words, i, size))) {
                return words.get(i).start();
            }
        }
        return Integer.MAX_VALUE;
    }

    private double needed(Set<String> promptShingles) {
        return Math.max(1, Math.ceil(threshold * promptShingles.size()));
    }

    private static void addMerged(List<Finding> findings, Finding next) {
        if (!findings.isEmpty() && findings.getLast().end() >= next.start()) {
            Finding last = findings.removeLast();
            findings.add(new Finding(last.start(), Math.max(last.end(), next.end()), last.description()));
        } else {
            findings.add(next);
        }
    }

    private static Set<String> shingles(List<Word> words, int size) {
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + size <= words.size(); i++) {
            shingles.add(shingle(words, i, size));
        }
        return shingles;
    }

    private static String shingle(List<Word> words, int from, int size) {
        StringBuilder shingle = new StringBuilder();
        for (int i = from; i < from + size; i++) {
            shingle.append(words.get(i).text()).append(' ');
        }
        return shingle.toString();
    }

    private static List<Word> words(NormalizedText normalized) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(normalized.text());
        while (matcher.find()) {
            words.add(new Word(matcher.group(), matcher.start(), matcher.end()));
        }
        return words;
    }

    private record Word(String text, int start, int end) {
    }
}
