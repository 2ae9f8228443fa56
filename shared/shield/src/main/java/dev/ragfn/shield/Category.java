package dev.ragfn.shield;

import java.util.Optional;

/** The kind of risk a detector finds; policies choose a {@link Decision} per category. */
public enum Category {
    PII("pii", Decision.REDACT),
    SECRET("secret", Decision.REDACT),
    PROMPT_INJECTION("prompt-injection", Decision.BLOCK),
    BLOCKED_TOPIC("blocked-topic", Decision.BLOCK),
    LENGTH("length", Decision.BLOCK),
    SYSTEM_PROMPT_LEAK("system-prompt-leak", Decision.BLOCK),
    UNSAFE_CONTENT("unsafe-content", Decision.BLOCK);

    private final String id;
    private final Decision defaultDecision;

    Category(String id, Decision defaultDecision) {
        this.id = id;
        this.defaultDecision = defaultDecision;
    }

    /** The name policies use, such as {@code prompt-injection}. */
    public String id() {
        return id;
    }

    /** The decision when a policy enables a detector of this category but names no action for it. */
    public Decision defaultDecision() {
        return defaultDecision;
    }

    public static Optional<Category> byId(String id) {
        for (Category category : values()) {
            if (category.id.equals(id)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
