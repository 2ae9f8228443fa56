package dev.ragfn.convert.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a rule compares its value with what it looks at. */
public enum MatchMode {
    CONTAINS, EQUALS, REGEX, ANY_OF, EXISTS, GREATER_THAN, LESS_THAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MatchMode> of(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }
}
