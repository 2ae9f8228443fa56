package dev.ragfn.shield;

import dev.ragfn.core.error.InvalidInputException;

/**
 * A text to check, and whose policy applies to it.
 *
 * @param text          the user's message or the model's answer
 * @param direction     INPUT for a user message, OUTPUT for a model answer
 * @param tenant        the tenant whose policy applies; null means the default policy
 * @param knowledgeBase the knowledge base whose policy applies, if it has its own; may be null
 * @param systemPrompt  the system prompt the answer was produced under, so an OUTPUT check can
 *                      tell whether the answer leaks it; may be null
 */
public record ShieldRequest(String text, Direction direction, String tenant, String knowledgeBase,
                            String systemPrompt) {

    public ShieldRequest {
        if (text == null) {
            throw new InvalidInputException("Shield request needs a text");
        }
        if (direction == null) {
            throw new InvalidInputException("Shield request needs a direction (INPUT or OUTPUT)");
        }
    }

    public static ShieldRequest input(String text, String tenant, String knowledgeBase) {
        return new ShieldRequest(text, Direction.INPUT, tenant, knowledgeBase, null);
    }

    public static ShieldRequest output(String text, String tenant, String knowledgeBase, String systemPrompt) {
        return new ShieldRequest(text, Direction.OUTPUT, tenant, knowledgeBase, systemPrompt);
    }
}
