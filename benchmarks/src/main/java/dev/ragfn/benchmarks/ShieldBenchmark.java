package dev.ragfn.benchmarks;

import dev.ragfn.shield.Shield;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.ShieldVerdict;
import dev.ragfn.shield.policy.DefaultPolicy;
import dev.ragfn.shield.policy.PolicyCatalog;
import dev.ragfn.shield.policy.PolicyParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The shield's added latency per chat turn: checking one user message (INPUT, about 300 characters) and one
 * model answer (OUTPUT, about 1,500 characters) under the default policy, or under the default policy plus the
 * prompt-injection classifier ({@code -p policy=classifier}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ShieldBenchmark {

    static final String QUESTION = "Hi, I'm Jane (jane.doe@example.com, +44 20 7946 0958). Our team migrated the"
            + " billing service last week and since then invoices for customers in Germany show the wrong VAT rate."
            + " Can you check the runbook for the VAT configuration and tell me which setting controls the rate per"
            + " country, and whether a restart is needed after changing it?";
    static final String ANSWER = ("The VAT rate per country is read from the `billing.vat.rates` table at"
            + " start-up, so a change needs a restart of the billing workers (see the runbook, section 4.2). For"
            + " Germany the row should read DE 19.0; the migration script of version 10.2.3.4 copied the old 16.0"
            + " rate from the 2020 backup. Contact the on-call engineer at billing-oncall@example.com before you"
            + " restart, and note the change in ticket OPS-4821. ").repeat(3);

    @Param({"default", "classifier"})
    public String policy;

    private Shield shield;
    private ShieldRequest input;
    private ShieldRequest output;

    @Setup
    public void setUp() {
        shield = shield(policy);
        input = ShieldRequest.input(QUESTION, null, null);
        output = ShieldRequest.output(ANSWER, null, null, null);
        DefaultPolicy.load();
    }

    /** The shield under the default policy ({@code default}) or with the classifier added ({@code classifier}). */
    static Shield shield(String policy) {
        return policy.equals("default") ? Shield.withDefaultPolicy()
                : new Shield(PolicyCatalog.single(PolicyParser.parse("with-classifier", """
                        input:
                          detectors: [email, phone, payment-card, iban, us-ssn, uk-nino, ipv4-address, ipv6-address,
                                      aws-access-key, github-token, slack-token, jwt, private-key, api-key-assignment,
                                      provider-api-key, config-token, password-assignment,
                                      prompt-injection, prompt-injection-classifier]
                        output:
                          detectors: [email, phone, payment-card, iban, us-ssn, uk-nino,
                                      aws-access-key, github-token, slack-token, jwt, private-key, api-key-assignment,
                                      provider-api-key, config-token, password-assignment]
                        """)), Optional.empty());
    }

    @Benchmark
    public void chatTurn(Blackhole blackhole) {
        ShieldVerdict in = shield.check(input);
        ShieldVerdict out = shield.check(output);
        blackhole.consume(in);
        blackhole.consume(out);
    }
}
