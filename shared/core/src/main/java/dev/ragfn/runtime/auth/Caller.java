package dev.ragfn.runtime.auth;

import dev.ragfn.core.domain.ChatSession;

import java.util.EnumSet;
import java.util.Set;

/** Who sends a request: a user of one tenant with some roles. */
public record Caller(String user, String tenant, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The one user of {@code ragfn.auth.mode=none}: may do everything, as the tenant the request names. */
    public static Caller anonymous(String tenant) {
        return new Caller(ChatSession.ANONYMOUS_OWNER, tenant, EnumSet.allOf(Role.class));
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(r -> r.includes(role));
    }
}
