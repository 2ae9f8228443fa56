package dev.ragfn.shield.policy;

import dev.ragfn.shield.Decision;
import dev.ragfn.shield.Direction;
import dev.ragfn.shield.guard.GuardModel;

import java.util.List;
import java.util.Optional;

/**
 * A policy with its detectors built, ready to run. Detectors the policy allows are left out:
 * their findings would change nothing.
 */
public record CompiledPolicy(ShieldPolicy policy, List<PolicyRule> input, List<PolicyRule> output) {

    public static CompiledPolicy compile(ShieldPolicy policy, Optional<GuardModel> guard) {
        return new CompiledPolicy(policy, rules(policy, policy.input(), guard), rules(policy, policy.output(), guard));
    }

    public List<PolicyRule> rulesFor(Direction direction) {
        return direction == Direction.INPUT ? input : output;
    }

    private static List<PolicyRule> rules(ShieldPolicy policy, DirectionRules direction, Optional<GuardModel> guard) {
        return direction.detectors().stream()
                .map(id -> DetectorCatalog.create(id, policy, guard))
                .map(detector -> new PolicyRule(detector, direction.decisionFor(detector)))
                .filter(rule -> rule.decision() != Decision.ALLOW)
                .toList();
    }
}
