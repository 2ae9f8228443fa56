package dev.ragfn.shield;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.runtime.observe.RagfnMeters;
import dev.ragfn.runtime.observe.RagfnTracing;
import dev.ragfn.shield.detect.Finding;
import dev.ragfn.shield.guard.GuardModel;
import dev.ragfn.shield.policy.CompiledPolicy;
import dev.ragfn.shield.policy.DefaultPolicy;
import dev.ragfn.shield.policy.PolicyCatalog;
import dev.ragfn.shield.policy.PolicyRule;
import dev.ragfn.shield.policy.ShieldPolicy;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a user message or a model answer against the policy of its tenant and knowledge base.
 * Thread-safe; build one per process. Every policy of the catalog is compiled when the shield is
 * built, so a policy that names an unknown detector fails at start-up, not on a request.
 */
public final class Shield {

    private final PolicyCatalog policies;
    private final Optional<GuardModel> guard;
    /** By identity: the catalog hands out the same instances, and hashing a policy's word lists per request would cost. */
    private final Map<ShieldPolicy, CompiledPolicy> compiled = new IdentityHashMap<>();

    public Shield(PolicyCatalog policies, Optional<GuardModel> guard) {
        this.policies = policies;
        this.guard = guard;
        policies.all().forEach(policy -> compiled.put(policy, CompiledPolicy.compile(policy, guard)));
    }

    private Shield(PolicyCatalog policies, Optional<GuardModel> guard, Map<ShieldPolicy, CompiledPolicy> compiled) {
        this.policies = policies;
        this.guard = guard;
        this.compiled.putAll(compiled);
    }

    /**
     * This shield with one policy of the tenant applying to every check, whatever the knowledge base: the
     * policy an assistant names, the file {@code <tenant>/<name>.yaml} of the policy directory. An unknown
     * name is refused rather than checked under a weaker policy.
     */
    public Shield withPolicy(String tenant, String name) {
        ShieldPolicy policy = policies.named(tenant + "/" + name).orElseThrow(() -> new InvalidInputException(
                "shield policy " + name + " of tenant " + tenant + " does not exist; add " + tenant + "/" + name
                        + ".yaml to ragfn.shield.policy-dir or name another policy"));
        return new Shield(PolicyCatalog.single(policy), guard, compiled);
    }

    /** A shield applying the built-in default policy to everyone, with no guard model. */
    public static Shield withDefaultPolicy() {
        return new Shield(PolicyCatalog.single(DefaultPolicy.load()), Optional.empty());
    }

    public ShieldVerdict check(ShieldRequest request) {
        // OpenTelemetry's span; dev.ragfn.shield.Span is a finding's place in the text.
        io.opentelemetry.api.trace.Span span = RagfnTracing.start(
                "shield " + request.direction().name().toLowerCase(Locale.ROOT), SpanKind.INTERNAL);
        try (Scope ignored = span.makeCurrent()) {
            ShieldVerdict verdict = checked(request);
            span.setAttribute("ragfn.shield.decision", verdict.decision().name());
            span.setAttribute("ragfn.shield.policy", verdict.policy());
            return verdict;
        } finally {
            span.end();
        }
    }

    private ShieldVerdict checked(ShieldRequest request) {
        CompiledPolicy policy = policyFor(request);
        Decision decision = Decision.ALLOW;
        List<String> reasons = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (PolicyRule rule : policy.rulesFor(request.direction())) {
            decision = decision.atLeast(record(rule, rule.detector().detect(request), reasons, spans));
        }
        spans.sort(Comparator.comparingInt(Span::start));
        String text = switch (decision) {
            case ALLOW -> request.text();
            case REDACT -> Redaction.apply(request.text(), spans);
            case BLOCK -> null;
        };
        ShieldVerdict verdict = new ShieldVerdict(decision, reasons, spans, text, policy.policy().name());
        record(request.direction(), verdict);
        return verdict;
    }

    /** The meters: each detector that fired counts once per check, with the decision of its first span. */
    private static void record(Direction direction, ShieldVerdict verdict) {
        Map<String, String> decisionByDetector = new LinkedHashMap<>();
        verdict.spans().forEach(s -> decisionByDetector.putIfAbsent(s.detector(), lowerCase(s.decision())));
        RagfnMeters.shieldChecked(lowerCase(direction), lowerCase(verdict.decision()), decisionByDetector);
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The check of a text still being written, such as a streamed answer, as far as no later text can change
     * it: only findings each detector has {@linkplain dev.ragfn.shield.detect.Detector#settled settled} count.
     * The verdict's text is the part that may go out now: up to where every detector is settled, short of a
     * redacted span not yet whole, and redacted as {@link #check} will redact the complete text. A BLOCK is
     * final: {@link #check} of any longer text blocks too. A stream checks its pieces with {@link StreamCheck},
     * which reads each piece once instead of the whole text again.
     */
    public PartialVerdict checkSoFar(ShieldRequest request) {
        return new StreamCheck(policyFor(request), request).append(request.text(), 0);
    }

    CompiledPolicy policyFor(ShieldRequest request) {
        ShieldPolicy applicable = policies.policyFor(request.tenant(), request.knowledgeBase());
        CompiledPolicy policy = compiled.get(applicable);
        // A catalog that builds policies on demand: correct, just slower.
        return policy != null ? policy : CompiledPolicy.compile(applicable, guard);
    }

    /** Adds a rule's findings to the verdict being built; the decision they call for. */
    static Decision record(PolicyRule rule, List<Finding> findings, List<String> reasons, List<Span> spans) {
        if (findings.isEmpty()) {
            return Decision.ALLOW;
        }
        reasons.add(reason(rule, findings));
        for (Finding finding : findings) {
            String replacement = rule.decision() == Decision.REDACT ? rule.detector().replacement() : null;
            spans.add(new Span(rule.detector().id(), rule.detector().category(), rule.decision(),
                    finding.start(), finding.end(), replacement));
        }
        return rule.decision();
    }

    private static String reason(PolicyRule rule, List<Finding> findings) {
        String found = findings.stream().map(Finding::description).distinct().collect(Collectors.joining(", "));
        return rule.detector().category().id() + "/" + rule.detector().id() + ": " + found
                + " (" + findings.size() + "x, " + rule.decision().name().toLowerCase(Locale.ROOT) + ")";
    }
}
