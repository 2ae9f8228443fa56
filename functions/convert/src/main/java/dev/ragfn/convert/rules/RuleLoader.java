package dev.ragfn.convert.rules;

import dev.ragfn.convert.yaml.SafeYaml;
import dev.ragfn.core.error.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads rule files: the ones shipped in {@code rules/} on the class path, then every
 * {@code *.yaml} of a user folder in name order. A file holds {@code categories:} and/or
 * {@code rules:}; a user rule with the id of a shipped one replaces it. Anything unknown or
 * malformed is refused here, naming the file and the rule, so a bad rule never runs.
 */
public final class RuleLoader {

    static final List<String> BUNDLED = List.of("rules/categories.yaml", "rules/detection-rules.yaml");
    private static final Set<String> RULE_FIELDS = Set.of("id", "category", "type", "match_mode", "key", "value",
            "confidence_boost", "evidence", "case_sensitive");

    private final Duration regexBudget;

    public RuleLoader(Duration regexBudget) {
        this.regexBudget = regexBudget;
    }

    public RuleSet loadBundled() {
        return load(Optional.empty());
    }

    public RuleSet load(Optional<Path> userDir) {
        Map<String, Category> categories = new LinkedHashMap<>();
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String resource : BUNDLED) {
            parse(readResource(resource), resource, categories, rules);
        }
        userDir.ifPresent(dir -> userFiles(dir).forEach(f -> parse(read(f), f.toString(), categories, rules)));
        for (Rule rule : rules.values()) {
            if (!categories.containsKey(rule.category())) {
                throw new InvalidInputException("Rule '" + rule.id() + "' in " + rule.origin() + " names unknown category '"
                        + rule.category() + "'; known: " + String.join(", ", categories.keySet()));
            }
        }
        return new RuleSet(List.copyOf(categories.values()), List.copyOf(rules.values()));
    }

    /** Parses one rule file's text into the maps; public for tests and for callers with rules in memory. */
    public void parse(String text, String origin, Map<String, Category> categories, Map<String, Rule> rules) {
        if (!(SafeYaml.load(text, origin) instanceof Map<?, ?> doc)) {
            throw new InvalidInputException("Rule file " + origin + " must be a mapping with 'categories' and/or 'rules'");
        }
        for (Object c : list(doc.get("categories"), origin, "categories")) {
            Map<?, ?> m = map(c, origin, "a category");
            String id = required(m, "id", origin, "a category");
            int min = integer(m.get("min_confidence"), origin, "category '" + id + "' min_confidence", 0, 100);
            categories.put(id, new Category(id, Optional.ofNullable(m.get("name")).map(String::valueOf).orElse(id), min));
        }
        String defaultCategory = doc.get("category") == null ? null : String.valueOf(doc.get("category"));
        Set<String> seen = new HashSet<>();
        for (Object r : list(doc.get("rules"), origin, "rules")) {
            Rule rule = rule(map(r, origin, "a rule"), origin, defaultCategory);
            if (!seen.add(rule.id())) {
                throw new InvalidInputException("Rule id '" + rule.id() + "' appears twice in " + origin);
            }
            rules.put(rule.id(), rule);
        }
    }

    private Rule rule(Map<?, ?> m, String origin, String defaultCategory) {
        String id = required(m, "id", origin, "a rule");
        String where = "rule '" + id + "' in " + origin;
        for (Object field : m.keySet()) {
            if (!RULE_FIELDS.contains(String.valueOf(field))) {
                throw new InvalidInputException("Unknown field '" + field + "' in " + where + "; allowed: "
                        + String.join(", ", RULE_FIELDS.stream().sorted().toList()));
            }
        }
        String typeId = required(m, "type", origin, where);
        RuleType type = RuleType.of(typeId).orElseThrow(() -> new InvalidInputException("Unknown type '" + typeId + "' in "
                + where + "; allowed: " + Arrays.stream(RuleType.values()).map(RuleType::id).collect(Collectors.joining(", "))));
        String modeId = required(m, "match_mode", origin, where);
        MatchMode mode = MatchMode.of(modeId).orElseThrow(() -> new InvalidInputException("Unknown match_mode '" + modeId
                + "' in " + where + "; allowed: " + Arrays.stream(MatchMode.values()).map(MatchMode::id).collect(Collectors.joining(", "))));
        String category = m.get("category") != null ? String.valueOf(m.get("category")) : defaultCategory;
        if (category == null) {
            throw new InvalidInputException("No category for " + where + " (set 'category' on the rule or the file)");
        }
        boolean caseSensitive = Boolean.TRUE.equals(m.get("case_sensitive"));
        int boost = integer(m.get("confidence_boost"), origin, where + " confidence_boost", 0, 100);
        Object value = m.get("value");
        List<String> values = List.of();
        Double number = null;
        BoundedRegex regex = null;
        switch (mode) {
            case EXISTS -> {
                if (value != null) {
                    throw new InvalidInputException("match_mode exists takes no value, in " + where);
                }
            }
            case ANY_OF -> {
                if (!(value instanceof List<?> l) || l.isEmpty()) {
                    throw new InvalidInputException("match_mode any_of needs a non-empty list as value, in " + where);
                }
                values = l.stream().map(String::valueOf).toList();
            }
            case GREATER_THAN, LESS_THAN -> {
                number = value instanceof Number n ? Double.valueOf(n.doubleValue()) : parseNumber(value);
                if (number == null) {
                    throw new InvalidInputException("match_mode " + mode.id() + " needs a number as value, in " + where);
                }
            }
            default -> {
                if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
                    throw new InvalidInputException("match_mode " + mode.id() + " needs a single value, in " + where);
                }
                values = List.of(String.valueOf(value));
                if (mode == MatchMode.REGEX) {
                    try {
                        regex = new BoundedRegex(id, Pattern.compile(values.get(0), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE),
                                regexBudget);
                    } catch (PatternSyntaxException e) {
                        throw new InvalidInputException("Invalid regex in " + where + ": " + e.getDescription(), e);
                    }
                }
            }
        }
        String key = m.get("key") == null ? null : String.valueOf(m.get("key"));
        String evidence = m.get("evidence") == null ? null : String.valueOf(m.get("evidence"));
        return new Rule(id, category, type, mode, key, values, number, boost, evidence, caseSensitive, origin, regex);
    }

    private static Double parseNumber(Object value) {
        try {
            return value == null ? null : Double.valueOf(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<?> list(Object o, String origin, String what) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw new InvalidInputException("'" + what + "' must be a list in " + origin);
        }
        return l;
    }

    private static Map<?, ?> map(Object o, String origin, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new InvalidInputException("Expected " + what + " to be a mapping in " + origin + ", got: " + o);
        }
        return m;
    }

    private static String required(Map<?, ?> m, String field, String origin, String what) {
        Object v = m.get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new InvalidInputException("Missing '" + field + "' in " + what + (what.contains(" in ") ? "" : " in " + origin));
        }
        return String.valueOf(v);
    }

    private static int integer(Object v, String origin, String what, int min, int max) {
        if (!(v instanceof Number n) || n.intValue() < min || n.intValue() > max) {
            throw new InvalidInputException(what + " must be a whole number from " + min + " to " + max + " (" + origin + ")");
        }
        return n.intValue();
    }

    private static String readResource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Bundled rule file missing from the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read bundled rule file " + resource, e);
        }
    }

    private static List<Path> userFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("Rules folder '" + dir + "' does not exist");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list rules folder " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read rule file " + file, e);
        }
    }
}
