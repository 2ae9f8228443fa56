package dev.ragfn.shield.eval;

import dev.ragfn.shield.eval.PublicSets.Split;
import dev.ragfn.shield.eval.ShieldQuality.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the shield quality command on the public sets (../shared/eval/shield, beside the checkout; skipped when
 * absent) and fails when a figure drops below its floor. Floors sit a little under the figures measured when they
 * were set (README, "Shield quality"), so a regression fails the build and noise does not.
 */
class PublicSetQualityTest {

    private static List<Row> rows;

    @BeforeAll
    static void evaluate() {
        Optional<Path> folder = PublicSets.defaultFolder();
        assumeTrue(folder.isPresent(), "public evaluation sets not found beside the checkout");
        rows = new ShieldQuality().score(PublicSets.read(folder.get()));
        System.out.print(ShieldQuality.table(rows));
    }

    @Test
    void should_keep_injection_recall_and_precision_when_the_classifier_backs_the_rules() {
        Row test = row("prompt-injection", "rules or classifier", Split.TEST);
        Row train = row("prompt-injection", "rules or classifier", Split.TRAIN);
        assertThat(test.recall()).isGreaterThanOrEqualTo(0.83);
        assertThat(test.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(train.recall()).isGreaterThanOrEqualTo(0.93);
        assertThat(train.precision()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void should_keep_rules_precise_when_they_run_alone() {
        assertThat(row("prompt-injection", "rules", Split.TRAIN).precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(row("prompt-injection", "rules", Split.TEST).precision()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void should_keep_pii_span_f2_when_scored_per_type() {
        assertThat(row("pii", "OVERALL", Split.TRAIN).f2()).isGreaterThanOrEqualTo(0.92);
        assertThat(row("pii", "OVERALL", Split.TEST).f2()).isGreaterThanOrEqualTo(0.90);
        assertThat(row("pii", "PHONE_NUMBER", Split.TRAIN).recall()).isGreaterThanOrEqualTo(0.78);
        assertThat(row("pii", "CREDIT_CARD", Split.TRAIN).recall()).isGreaterThanOrEqualTo(0.95);
        for (String type : List.of("EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS", "US_SSN")) {
            assertThat(row("pii", type, Split.TRAIN).recall()).as(type).isGreaterThanOrEqualTo(0.95);
            assertThat(row("pii", type, Split.TRAIN).precision()).as(type).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void should_keep_secret_recall_and_precision_when_scored_per_line() {
        Row train = row("secrets", "any secret", Split.TRAIN);
        Row test = row("secrets", "any secret", Split.TEST);
        assertThat(train.recall()).isGreaterThanOrEqualTo(0.97);
        assertThat(train.precision()).isGreaterThanOrEqualTo(0.945);
        assertThat(test.recall()).isGreaterThanOrEqualTo(0.94);
        assertThat(test.precision()).isGreaterThanOrEqualTo(0.955);
    }

    private static Row row(String set, String metric, Split split) {
        return rows.stream()
                .filter(r -> r.set().equals(set) && r.metric().equals(metric) && r.split() == split)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + set + "/" + metric + "/" + split));
    }
}
