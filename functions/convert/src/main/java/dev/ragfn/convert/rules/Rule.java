package dev.ragfn.convert.rules;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * One detection rule, validated when loaded (see {@link RuleLoader}).
 *
 * @param key    restricts the facts looked at: the annotation, label or variable name, the build
 *               ecosystem, the chart repository; for {@code content}, a glob on the file path
 * @param values the value to compare with (one element), or the alternatives for {@code any_of}
 */
public record Rule(String id, String category, RuleType type, MatchMode mode, String key, List<String> values,
                   Double number, int confidenceBoost, String evidence, boolean caseSensitive, String origin,
                   BoundedRegex regex) {

    boolean keyMatches(String factKey, String file) {
        if (key == null) {
            return true;
        }
        if (type == RuleType.CONTENT) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + key);
            return glob.matches(Path.of(file)) || glob.matches(Path.of(file).getFileName());
        }
        return factKey != null && (caseSensitive ? key.equals(factKey) : key.equalsIgnoreCase(factKey));
    }

    /** Whether {@code actual} satisfies this rule's mode and value; {@code where} names it in errors. */
    boolean valueMatches(String actual, String where) {
        if (mode == MatchMode.EXISTS) {
            return true;
        }
        if (actual == null) {
            return false;
        }
        return switch (mode) {
            case CONTAINS -> fold(actual).contains(fold(values.get(0)));
            case EQUALS -> fold(actual).equals(fold(values.get(0)));
            case ANY_OF -> values.stream().anyMatch(v -> fold(v).equals(fold(actual)));
            case REGEX -> regex.find(actual, where);
            case GREATER_THAN -> numberIn(actual) != null && numberIn(actual) > number;
            case LESS_THAN -> numberIn(actual) != null && numberIn(actual) < number;
            case EXISTS -> true;
        };
    }

    private String fold(String s) {
        return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
    }

    /** The leading number of a value such as "8080", "8080/TCP" or "2Gi"; null when there is none. */
    private static Double numberIn(String s) {
        var m = java.util.regex.Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)").matcher(s);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    /** The evidence text: {value}, {key}, {file}, {line} and {rule} are replaced. */
    String describe(Fact fact, String matched) {
        String template = evidence == null || evidence.isBlank() ? "{rule} matched '{value}'" : evidence;
        return template.replace("{value}", String.valueOf(matched))
                .replace("{key}", String.valueOf(fact.key()))
                .replace("{file}", String.valueOf(fact.file()))
                .replace("{line}", String.valueOf(fact.line()))
                .replace("{rule}", id);
    }
}
