package dev.ragfn.benchmarks;

import dev.ragfn.runtime.observe.RagfnTracing;
import dev.ragfn.shield.Shield;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.ShieldVerdict;
import dev.ragfn.shield.ShieldedStream;
import dev.ragfn.shield.policy.DefaultPolicy;
import dev.ragfn.shield.policy.PolicyCatalog;
import dev.ragfn.shield.policy.PolicyParser;
import io.opentelemetry.api.OpenTelemetry;
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
 * model answer (OUTPUT, about 300 words, 1,900 characters) under the default policy, or under the default policy
 * plus the prompt-injection classifier ({@code -p policy=classifier}). {@code chatTurn} checks the answer whole, as
 * {@code /chat} does; {@code chatTurnStreamed} passes it through a {@link ShieldedStream} piece by piece, as
 * {@code /chat/stream} does, which checks the growing answer once per piece.
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
    /** About 300 words, as a RAG answer with citations: one e-mail to redact, a version number that is no IP. */
    static final String ANSWER = """
            The VAT rate for each country is read from the billing.vat.rates table when the billing workers start, \
            so changing it is a two-step job: update the row, then restart the workers (runbook, section 4.2, \
            "Changing tax configuration"). The API servers do not cache the rate, only the workers do. [1]

            For Germany the row should read DE 19.0. The migration of last week ran the script shipped with \
            version 10.2.3.4, which restored the table from the 2020 backup; that backup still held the \
            temporary reduced rate of 16.0 that applied in the second half of 2020. That explains why only \
            invoices for German customers are wrong and why the error started on the day of the migration. [2]

            To fix it:
            1. Check the current value with the read-only reporting user: select rate from billing.vat.rates \
            where country = 'DE'. It should return 19.0; if it returns 16.0, the migration is the cause.
            2. Correct the row through the admin console rather than by hand, so the change is audited.
            3. Restart the billing workers one at a time; the runbook's rolling restart keeps the queue \
            draining, and each worker takes about forty seconds to become ready.
            4. Re-issue the invoices created since the migration. The finance team has a saved report, \
            "Invoices by tax period", that lists them; credit notes are created automatically for each \
            re-issued invoice. [3]

            Before you restart, tell the on-call engineer at billing-oncall@example.com and record the change \
            in ticket OPS-4821, as the change policy asks for any restart during business hours. If other \
            countries were migrated from the same backup, check their rows too: the runbook lists Austria and \
            the Netherlands as the other countries whose rates changed during 2020. No other setting controls \
            the rate per country; the customer's own tax flag only decides whether VAT applies at all. [1][3]
            """;
    /** The answer as a model streams it: pieces of about four characters, roughly one token each. */
    static final int TOKEN_CHARS = 4;

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

    /**
     * The shield under the default policy ({@code default}) or with the classifier added ({@code classifier}), with
     * tracing off as in a deployment without an OTLP endpoint (outside Quarkus no container supplies the tracer).
     */
    static Shield shield(String policy) {
        RagfnTracing.use(OpenTelemetry.noop().getTracer("dev.ragfn"));
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

    @Benchmark
    public void chatTurnStreamed(Blackhole blackhole) {
        blackhole.consume(shield.check(input));
        blackhole.consume(streamed(shield, blackhole::consume, null));
    }

    /** Streams {@link #ANSWER} through the output shield; {@code eachPiece} runs after every piece is checked. */
    static ShieldVerdict streamed(Shield shield, java.util.function.Consumer<String> passed, Runnable eachPiece) {
        ShieldedStream stream = new ShieldedStream(shield, null, null, null, passed);
        for (int at = 0; at < ANSWER.length(); at += TOKEN_CHARS) {
            stream.append(ANSWER.substring(at, Math.min(ANSWER.length(), at + TOKEN_CHARS)));
            if (eachPiece != null) {
                eachPiece.run();
            }
        }
        return stream.finish();
    }
}
