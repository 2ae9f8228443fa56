package dev.ragfn.shield.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.ragfn.shield.Direction;
import dev.ragfn.shield.ShieldRequest;

import java.util.List;
import java.util.Set;

/**
 * One line of an evaluation file: a text and the detector ids that should fire on it (none for
 * a negative example).
 *
 * @param text         the text to check
 * @param expected     detector ids that should find something; empty for a negative
 * @param direction    INPUT when absent
 * @param systemPrompt the system prompt, for the system-prompt-leak detector
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledExample(String text, List<String> expected, Direction direction, String systemPrompt) {

    public LabelledExample {
        expected = expected == null ? List.of() : List.copyOf(expected);
        direction = direction == null ? Direction.INPUT : direction;
    }

    public Set<String> expectedDetectors() {
        return Set.copyOf(expected);
    }

    public ShieldRequest request() {
        return new ShieldRequest(text, direction, null, null, systemPrompt);
    }
}
