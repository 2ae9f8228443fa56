package dev.ragfn.convert.discovery;

import java.util.regex.Pattern;

/**
 * Makes a Helm template parseable as YAML without rendering it: comments are dropped, a line
 * that is only a directive ({@code {{- if ...}}}, {@code {{ toYaml . | nindent 4 }}}) becomes
 * blank, and inline directives become the placeholder {@link #PLACEHOLDER}. Line numbers are kept.
 */
final class HelmTemplates {

    static final String PLACEHOLDER = "TEMPLATED";
    private static final Pattern COMMENT = Pattern.compile("\\{\\{-?\\s*/\\*.*?\\*/\\s*-?}}", Pattern.DOTALL);
    private static final Pattern DIRECTIVE = Pattern.compile("\\{\\{.*?}}");

    private HelmTemplates() {
    }

    static String strip(String template) {
        String text = COMMENT.matcher(template).replaceAll(m -> "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            boolean onlyDirective = trimmed.startsWith("{{") && trimmed.endsWith("}}")
                    && DIRECTIVE.matcher(trimmed).replaceAll("").isBlank();
            out.append(onlyDirective ? "" : DIRECTIVE.matcher(line).replaceAll(PLACEHOLDER)).append('\n');
        }
        return out.toString();
    }

    static boolean isTemplated(String value) {
        return value != null && value.contains(PLACEHOLDER);
    }
}
