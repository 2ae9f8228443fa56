package dev.ragfn.shield.policy;

import dev.ragfn.shield.Decision;
import dev.ragfn.shield.detect.Detector;

import java.util.List;
import java.util.Map;

/**
 * The detectors one direction runs and the decision per finding.
 *
 * @param detectors detector ids to run
 * @param actions   decision per category id (such as {@code pii}) or per detector id (such as
 *                  {@code email}); a detector id wins over its category, and a category the map
 *                  does not name gets the category's default
 */
public record DirectionRules(List<String> detectors, Map<String, Decision> actions) {

    public DirectionRules {
        detectors = List.copyOf(detectors);
        actions = Map.copyOf(actions);
    }

    public Decision decisionFor(Detector detector) {
        Decision byCategory = actions.getOrDefault(detector.category().id(), detector.category().defaultDecision());
        return actions.getOrDefault(detector.id(), byCategory);
    }
}
