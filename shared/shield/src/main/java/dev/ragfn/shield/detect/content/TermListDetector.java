package dev.ragfn.shield.detect.content;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;
import dev.ragfn.shield.detect.NormalizedText;
import dev.ragfn.shield.detect.StreamedDetection;
import dev.ragfn.shield.detect.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-word, case-insensitive matching of configured terms after normalization (so {@code B4D}
 * and full-width letters match {@code bad}). Terms are grouped under a label that names the
 * finding, such as a topic name. Matching is plain indexOf per term: linear, no regex.
 */
public final class TermListDetector implements Detector {

    private final String id;
    private final Map<String, List<String>> termsByLabel = new LinkedHashMap<>();

    public TermListDetector(String id, Map<String, List<String>> termsByLabel) {
        this.id = id;
        termsByLabel.forEach((label, terms) -> this.termsByLabel.put(label, terms.stream()
                .map(TextNormalizer::normalizeTerm)
                .filter(term -> !term.isEmpty())
                .toList()));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Category category() {
        return Category.BLOCKED_TOPIC;
    }

    @Override
    public List<Finding> detect(ShieldRequest request) {
        NormalizedText normalized = TextNormalizer.normalize(request.text());
        List<Finding> findings = new ArrayList<>();
        termsByLabel.forEach((label, terms) -> terms.forEach(term -> findWholeWords(normalized, term, label, findings)));
        return findings;
    }

    /** An occurrence of the longest term, with the character after it, must fit in what normalizes for good. */
    @Override
    public int settled(ShieldRequest request) {
        String text = request.text();
        int longest = termsByLabel.values().stream().flatMap(List::stream).mapToInt(String::length).max().orElse(0);
        if (longest == 0) {
            return text.length();
        }
        NormalizedText normalized = TextNormalizer.normalize(text);
        int stable = normalized.lengthBefore(TextNormalizer.settled(text));
        return normalized.originalStart(Math.max(0, stable - longest - 1), text.length());
    }

    @Override
    public StreamedDetection streamed(ShieldRequest request) {
        boolean noTerms = termsByLabel.values().stream().allMatch(List::isEmpty);
        return noTerms ? StreamedDetection.nothingToFind() : Detector.super.streamed(request);
    }

    private static void findWholeWords(NormalizedText normalized, String term, String label, List<Finding> findings) {
        String text = normalized.text();
        int at = text.indexOf(term);
        while (at >= 0) {
            int end = at + term.length();
            if (isBoundary(text, at - 1) && isBoundary(text, end)) {
                findings.add(normalized.toOriginal(at, end, label));
            }
            at = text.indexOf(term, at + 1);
        }
    }

    private static boolean isBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
