package dev.ragfn.convert.discovery;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that stand for something filled in later, by a tool the converter does not run: Helm
 * directives (blanked to {@link HelmTemplates#PLACEHOLDER}), Tekton's {@code $(params.x)}, envsubst's
 * {@code ${VAR}} and {@code $VAR}. Such a value is never a real name, so it must not become one in
 * the pattern; a human says what it stands for.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile(HelmTemplates.PLACEHOLDER
            + "|\\{\\{.*?}}|\\$\\([^)]*\\)|\\$\\{[^}]*}|\\$[A-Z_][A-Z0-9_]*");

    private Placeholders() {
    }

    /** The first placeholder in {@code value}, or empty when it has none. */
    public static Optional<String> in(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(value);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    public static boolean isPlaceholder(String value) {
        return in(value).isPresent();
    }
}
