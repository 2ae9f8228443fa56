package dev.ragfn.shield.guard;

import java.util.List;

/**
 * A guard model's answer.
 *
 * @param safe       whether the model judged the text safe
 * @param categories the model's own codes for what it found unsafe (Llama Guard: S1..S14)
 */
public record GuardAssessment(boolean safe, List<String> categories) {

    public GuardAssessment {
        categories = List.copyOf(categories);
    }
}
