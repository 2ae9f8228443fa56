package dev.ragfn.core.domain;

import java.time.Instant;

/**
 * A conversation of one user of one tenant; its turns are stored separately and read back in order.
 * Only its owner reads, continues or deletes it.
 */
public record ChatSession(String tenant, String owner, String id, String title, Instant createdAt, Instant updatedAt) {

    /** The owner of every session when ragfn runs without identity (ragfn.auth.mode=none), and of sessions stored before owners. */
    public static final String ANONYMOUS_OWNER = "anonymous";

    public ChatSession {
        Ids.name("tenant", tenant);
        owner = owner == null || owner.isBlank() ? ANONYMOUS_OWNER : owner;
        Ids.id("sessionId", id);
        title = title == null ? "" : title;
        Ids.required("createdAt", createdAt);
        Ids.required("updatedAt", updatedAt);
    }
}
