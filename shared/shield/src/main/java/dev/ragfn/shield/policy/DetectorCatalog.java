package dev.ragfn.shield.policy;

import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.content.MaxLengthDetector;
import dev.ragfn.shield.detect.content.SystemPromptLeakDetector;
import dev.ragfn.shield.detect.content.TermListDetector;
import dev.ragfn.shield.detect.injection.InjectionClassifierDetector;
import dev.ragfn.shield.detect.injection.PromptInjectionDetector;
import dev.ragfn.shield.detect.pii.PiiDetectors;
import dev.ragfn.shield.detect.secret.SecretDetectors;
import dev.ragfn.shield.guard.GuardModel;
import dev.ragfn.shield.guard.GuardModelDetector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** Every detector a policy can name, and how to build it from the policy's settings. */
public final class DetectorCatalog {

    private static final Map<String, BiFunction<ShieldPolicy, Optional<GuardModel>, Detector>> FACTORIES = factories();

    private DetectorCatalog() {
    }

    /** Stateless, with 256 KB of weights: loaded once per process, on first use. */
    private static final class BundledClassifier {
        static final InjectionClassifierDetector DETECTOR = new InjectionClassifierDetector();
    }

    public static Set<String> ids() {
        return FACTORIES.keySet();
    }

    /**
     * @throws InvalidPolicyException when the id is unknown, or names the guard model and none is configured
     */
    public static Detector create(String id, ShieldPolicy policy, Optional<GuardModel> guard) {
        var factory = FACTORIES.get(id);
        if (factory == null) {
            throw new InvalidPolicyException("Policy '" + policy.name() + "' names unknown detector '" + id
                    + "'; known detectors: " + String.join(", ", ids()));
        }
        return factory.apply(policy, guard);
    }

    private static Map<String, BiFunction<ShieldPolicy, Optional<GuardModel>, Detector>> factories() {
        Map<String, BiFunction<ShieldPolicy, Optional<GuardModel>, Detector>> factories = new LinkedHashMap<>();
        factories.put("email", (policy, guard) -> PiiDetectors.email());
        factories.put("phone", (policy, guard) -> PiiDetectors.phone());
        factories.put("payment-card", (policy, guard) -> PiiDetectors.paymentCard());
        factories.put("iban", (policy, guard) -> PiiDetectors.iban());
        factories.put("us-ssn", (policy, guard) -> PiiDetectors.usSsn());
        factories.put("uk-nino", (policy, guard) -> PiiDetectors.ukNino());
        factories.put("ipv4-address", (policy, guard) -> PiiDetectors.ipv4());
        factories.put("ipv6-address", (policy, guard) -> PiiDetectors.ipv6());
        factories.put("aws-access-key", (policy, guard) -> SecretDetectors.awsAccessKey());
        factories.put("github-token", (policy, guard) -> SecretDetectors.githubToken());
        factories.put("slack-token", (policy, guard) -> SecretDetectors.slackToken());
        factories.put("jwt", (policy, guard) -> SecretDetectors.jwt());
        factories.put("provider-api-key", (policy, guard) -> SecretDetectors.providerApiKey());
        factories.put("config-token", (policy, guard) -> SecretDetectors.configToken());
        factories.put("password-assignment", (policy, guard) -> SecretDetectors.passwordAssignment());
        factories.put("private-key", (policy, guard) -> SecretDetectors.privateKey());
        factories.put("api-key-assignment", (policy, guard) -> SecretDetectors.assignedSecret());
        factories.put("prompt-injection", (policy, guard) -> new PromptInjectionDetector());
        factories.put("prompt-injection-classifier", (policy, guard) -> BundledClassifier.DETECTOR);
        factories.put("blocked-words", (policy, guard) ->
                new TermListDetector("blocked-words", Map.of("blocked word", policy.blockedWords())));
        factories.put("blocked-topics", (policy, guard) -> new TermListDetector("blocked-topics", policy.blockedTopics()));
        factories.put("max-length", (policy, guard) -> new MaxLengthDetector(policy.maxLength()));
        factories.put("system-prompt-leak", (policy, guard) -> new SystemPromptLeakDetector(policy.systemPromptLeakThreshold()));
        factories.put("guard-model", (policy, guard) -> new GuardModelDetector(guard.orElseThrow(() ->
                new InvalidPolicyException("Policy '" + policy.name() + "' enables guard-model but no guard model is"
                        + " configured; set ragfn.shield.guard.url or remove guard-model from the policy"))));
        return factories;
    }
}
