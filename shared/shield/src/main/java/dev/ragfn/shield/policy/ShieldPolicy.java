package dev.ragfn.shield.policy;

import dev.ragfn.shield.Direction;

import java.util.List;
import java.util.Map;

/**
 * What to check and what to do, for one tenant or knowledge base. Read from YAML or JSON by
 * {@link PolicyParser}; see {@code shield/default-policy.yaml} for the format.
 *
 * @param name                      where the policy came from, reported in every verdict
 * @param input                     the rules for user messages
 * @param output                    the rules for model answers
 * @param blockedWords              terms the {@code blocked-words} detector finds
 * @param blockedTopics             terms per topic name, found by the {@code blocked-topics} detector
 * @param maxLength                 characters the {@code max-length} detector allows
 * @param systemPromptLeakThreshold share of the system prompt's 5-word shingles an answer may
 *                                  repeat before {@code system-prompt-leak} fires
 */
public record ShieldPolicy(String name, DirectionRules input, DirectionRules output, List<String> blockedWords,
                           Map<String, List<String>> blockedTopics, int maxLength, double systemPromptLeakThreshold) {

    public ShieldPolicy {
        blockedWords = List.copyOf(blockedWords);
        blockedTopics = Map.copyOf(blockedTopics);
    }

    public DirectionRules rulesFor(Direction direction) {
        return direction == Direction.INPUT ? input : output;
    }
}
