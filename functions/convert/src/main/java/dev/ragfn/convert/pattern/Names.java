package dev.ragfn.convert.pattern;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Names the framework accepts: a pattern or cluster group name matches {@code ^[a-z][a-z0-9-]*$}. */
final class Names {

    static final String NAME_PATTERN = "^[a-z][a-z0-9-]*$";

    private Names() {
    }

    static String sanitize(String raw, String fallback) {
        String s = raw == null ? "" : raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            return fallback;
        }
        if (!Character.isLetter(s.charAt(0))) {
            s = "p-" + s;
        }
        return s.length() > 50 ? s.substring(0, 50).replaceAll("-+$", "") : s;
    }

    static String displayName(String name) {
        return Arrays.stream(name.split("-")).filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining(" "));
    }
}
