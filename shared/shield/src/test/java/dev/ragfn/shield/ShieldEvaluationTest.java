package dev.ragfn.shield;

import dev.ragfn.shield.eval.DetectorScore;
import dev.ragfn.shield.eval.LabelledExample;
import dev.ragfn.shield.eval.ShieldEvaluation;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the evaluation on the labelled set written for this project (no public labelled shield
 * data was available) and fails when a detector drops below its floor.
 */
class ShieldEvaluationTest {

    private static final double FLOOR = 0.9;
    /**
     * Three digits, two, four, with dashes, is the SSN format and also that of part, score and
     * extension numbers; without context words the detector cannot tell them apart, and redacting
     * one by mistake is the cheaper error.
     */
    private static final Map<String, Double> PRECISION_FLOORS = Map.of("us-ssn", 0.8);

    @Test
    void should_keep_precision_and_recall_above_the_floor_when_evaluated_on_the_labelled_set() throws URISyntaxException {
        // given
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/shield/eval.jsonl")).toURI());
        List<LabelledExample> examples = ShieldEvaluation.read(file);

        // when
        // The classifier is scored on the public set (PublicSetQualityTest): this set labels rule phrasings only.
        List<DetectorScore> scores = ShieldEvaluation.ofDefaultDetectors().score(examples).stream()
                .filter(score -> !score.detector().equals("prompt-injection-classifier"))
                .toList();
        System.out.print(ShieldEvaluation.table(scores));

        // then
        assertThat(examples).hasSizeGreaterThanOrEqualTo(150);
        assertThat(scores).allSatisfy(score -> {
            assertThat(score.support()).as("labelled examples for %s", score.detector()).isGreaterThanOrEqualTo(3);
            assertThat(score.precision()).as("precision of %s", score.detector())
                    .isGreaterThanOrEqualTo(PRECISION_FLOORS.getOrDefault(score.detector(), FLOOR));
            assertThat(score.recall()).as("recall of %s", score.detector()).isGreaterThanOrEqualTo(FLOOR);
        });
    }
}
