package dev.ragfn.retrieve.eval;

import dev.ragfn.retrieve.RetrieveMode;
import dev.ragfn.retrieve.TestConfigs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * BM25 on SciFact's test split, whole corpus: it embeds nothing, so it takes seconds and can run on
 * every build where the public set is present (`../shared/eval`, not part of this repository; set
 * {@code -Dragfn.eval.scifact=DIR} elsewhere). The floor sits a little under the figure measured
 * with the settings chosen on the train split (benchmarks/README.md), so a change to the analyzer,
 * the title weight or BM25's parameters that loses quality fails the build.
 */
class SciFactBm25Test {

    /** Measured 0.697 and 0.921 on 2026-12-03. */
    private static final double NDCG_FLOOR = 0.68;
    private static final double RECALL_FLOOR = 0.90;
    private static final Path SCIFACT = Path.of(System.getProperty("ragfn.eval.scifact",
            "../../../shared/eval/retrieval/scifact"));

    @Test
    void should_keep_bm25_ndcg_at_10_and_recall_at_100_above_their_floors_when_run_on_scifact_test() {
        assumeTrue(Files.isDirectory(SCIFACT), "SciFact not found at " + SCIFACT.toAbsolutePath());

        BeirEvaluation.Result result = BeirEvaluation.evaluate(SCIFACT, "test", new BeirEvaluation.NoEmbedding(),
                TestConfigs.retrieveConfig(), List.of(RetrieveMode.BM25), System.out);

        BeirEvaluation.ModeScore bm25 = result.scores().getFirst();
        assertThat(bm25.queries()).isEqualTo(300);
        assertThat(bm25.ndcgAt10()).isGreaterThan(NDCG_FLOOR);
        assertThat(bm25.recallAt100()).isGreaterThan(RECALL_FLOOR);
    }
}
