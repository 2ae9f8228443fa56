package dev.ragfn.core.domain;

import java.time.Instant;

/** A conversation of one tenant; its turns are stored separately and read back in order. */
public record ChatSession(String tenant, String id, String title, Instant createdAt, Instant updatedAt) {

    public ChatSession {
        Ids.name("tenant", tenant);
        Ids.id("sessionId", id);
        title = title == null ? "" : title;
        Ids.required("createdAt", createdAt);
        Ids.required("updatedAt", updatedAt);
    }
}
