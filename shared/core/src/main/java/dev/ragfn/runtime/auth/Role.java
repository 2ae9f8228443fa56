package dev.ragfn.runtime.auth;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do; each role includes the ones before it (admin is also editor and reader). */
public enum Role {
    /** Chat, retrieve, shield, and the caller's own chat sessions. */
    READER,
    /** Submit and delete documents. */
    EDITOR,
    /** Policies, conversions and summaries. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role a token's entry names (reader, editor, admin), if it names one. */
    static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
