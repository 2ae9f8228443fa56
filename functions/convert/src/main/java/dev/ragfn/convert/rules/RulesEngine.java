package dev.ragfn.convert.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Runs a {@link RuleSet} over the facts and text of a source. */
public final class RulesEngine {

    /** Confidence never exceeds this, however many rules match. */
    public static final int MAX_CONFIDENCE = 100;
    /** Evidence kept per rule, so a rule that matches every line does not flood the report. */
    static final int MAX_EVIDENCE_PER_RULE = 10;

    private final RuleSet rules;

    public RulesEngine(RuleSet rules) {
        this.rules = rules;
    }

    /** A text file for {@code content} rules: its path and lines. */
    public record TextFile(String path, List<String> lines) {
    }

    public List<Detection> evaluate(List<Fact> facts, List<TextFile> texts) {
        Map<String, List<Evidence>> byRule = new LinkedHashMap<>();
        for (Rule rule : rules.rules()) {
            List<Evidence> found = rule.type() == RuleType.CONTENT ? matchContent(rule, texts) : matchFacts(rule, facts);
            if (!found.isEmpty()) {
                byRule.put(rule.id(), found);
            }
        }
        List<Detection> detections = new ArrayList<>();
        for (Category category : rules.categories()) {
            int sum = 0;
            List<Evidence> evidence = new ArrayList<>();
            for (Rule rule : rules.rules()) {
                if (rule.category().equals(category.id()) && byRule.containsKey(rule.id())) {
                    sum += rule.confidenceBoost();
                    evidence.addAll(byRule.get(rule.id()));
                }
            }
            int confidence = Math.min(MAX_CONFIDENCE, sum);
            detections.add(new Detection(category, confidence, confidence > 0 && confidence >= category.minConfidence(),
                    List.copyOf(evidence)));
        }
        return detections;
    }

    private static List<Evidence> matchFacts(Rule rule, List<Fact> facts) {
        Set<Evidence> found = new LinkedHashSet<>();
        for (Fact fact : facts) {
            if (fact.type() != rule.type() || !rule.keyMatches(fact.key(), fact.file())) {
                continue;
            }
            String where = fact.file() + (fact.line() > 0 ? ":" + fact.line() : "");
            if (rule.valueMatches(fact.value(), where)) {
                found.add(new Evidence(rule.id(), fact.file(), fact.line(), rule.describe(fact, fact.value())));
                if (found.size() >= MAX_EVIDENCE_PER_RULE) {
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    private static List<Evidence> matchContent(Rule rule, List<TextFile> texts) {
        List<Evidence> found = new ArrayList<>();
        for (TextFile text : texts) {
            if (!rule.keyMatches(null, text.path())) {
                continue;
            }
            Comments comments = Comments.of(text.path());
            for (int i = 0; i < text.lines().size(); i++) {
                String line = comments.strip(text.lines().get(i));
                if (!line.isBlank() && rule.valueMatches(line, text.path() + ":" + (i + 1))) {
                    Fact fact = new Fact(RuleType.CONTENT, rule.key(), line.strip(), text.path(), i + 1);
                    found.add(new Evidence(rule.id(), text.path(), i + 1, rule.describe(fact, abbreviate(line.strip()))));
                    if (found.size() >= MAX_EVIDENCE_PER_RULE) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    /** Comment syntax by file type, so a commented-out line ({@code # nvidia.com/gpu: 1}) is not evidence. */
    private enum Comments {
        HASH, SLASHES, NONE;

        private static final Pattern HASH_FILES = Pattern.compile(
                "(?i).*(\\.(ya?ml|py|sh|toml|properties|cfg|ini|conf|tf|txt|env)|/?(Dockerfile|Containerfile|Makefile)[^/]*)$");
        private static final Pattern SLASH_FILES = Pattern.compile(
                "(?i).*\\.(java|go|js|ts|jsx|tsx|kt|scala|rs|c|cc|cpp|h|cs|swift|groovy)$");

        static Comments of(String path) {
            return HASH_FILES.matcher(path).matches() ? HASH : SLASH_FILES.matcher(path).matches() ? SLASHES : NONE;
        }

        /** The line without its comment: empty for a comment line, cut at a trailing {@code  #} comment. */
        String strip(String line) {
            String trimmed = line.strip();
            return switch (this) {
                case HASH -> trimmed.startsWith("#") ? "" : line.replaceFirst("\\s+#.*$", "");
                case SLASHES -> trimmed.startsWith("//") || trimmed.startsWith("/*") || trimmed.startsWith("*") ? ""
                        : line.replaceFirst("\\s+//.*$", "");
                case NONE -> line;
            };
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
