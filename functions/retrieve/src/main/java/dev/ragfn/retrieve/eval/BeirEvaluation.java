package dev.ragfn.retrieve.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.retrieve.Passage;
import dev.ragfn.retrieve.RetrieveConfig;
import dev.ragfn.retrieve.RetrieveMode;
import dev.ragfn.retrieve.RetrieveRequest;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.retrieve.internal.TemporaryIndex;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures retrieval quality on a BEIR-format folder: indexes the corpus into a fresh embedded
 * index with the in-process model, runs every query in every mode and prints nDCG@10 and
 * recall@100 per mode. Fusion settings come from {@code -Dragfn.retrieve.*} system properties.
 *
 * <pre>java ... dev.ragfn.retrieve.eval.BeirEvaluation &lt;beir-folder&gt; [split]</pre>
 */
public final class BeirEvaluation {

    private static final String TENANT = "beir";
    private static final String KNOWLEDGE_BASE = "eval";
    private static final int BATCH_SIZE = 32;
    private static final int NDCG_CUTOFF = 10;
    private static final int RECALL_CUTOFF = 100;

    public record ModeScore(RetrieveMode mode, int queries, double ndcgAt10, double recallAt100) {
    }

    private BeirEvaluation() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: BeirEvaluation <beir-folder> [split, default test]");
            System.exit(2);
        }
        RetrieveConfig config = new SmallRyeConfigBuilder().addDefaultSources().withMapping(RetrieveConfig.class)
                .build().getConfigMapping(RetrieveConfig.class);
        List<ModeScore> scores = evaluate(Path.of(args[0]), args.length > 1 ? args[1] : "test",
                new AllMiniLmL6V2EmbeddingModel(), config, System.out);
        System.out.print(table(scores));
    }

    public static List<ModeScore> evaluate(Path folder, String split, EmbeddingModel model, RetrieveConfig config,
                                           PrintStream log) {
        BeirDataset data = BeirDataset.read(folder, split);
        log.printf("%s: %d documents, %d judged queries%n", folder, data.corpus().size(), data.queries().size());
        try (TemporaryIndex temporary = new TemporaryIndex(model.dimension())) {
            LuceneVectorIndex index = temporary.index();
            long started = System.nanoTime();
            indexCorpus(data.corpus(), index, model);
            log.printf("indexed in %.1f s%n", (System.nanoTime() - started) / 1e9);
            RetrieveService service = new RetrieveService(index, model, config, Optional.empty());
            List<ModeScore> scores = new ArrayList<>();
            for (RetrieveMode mode : RetrieveMode.values()) {
                scores.add(score(mode, data, service));
            }
            return scores;
        }
    }

    public static String table(List<ModeScore> scores) {
        StringBuilder table = new StringBuilder("| mode | queries | nDCG@10 | recall@100 |\n|---|---|---|---|\n");
        for (ModeScore s : scores) {
            table.append(String.format("| %s | %d | %.3f | %.3f |%n", s.mode().wireName(), s.queries(), s.ndcgAt10(),
                    s.recallAt100()));
        }
        return table.toString();
    }

    private static ModeScore score(RetrieveMode mode, BeirDataset data, RetrieveService service) {
        double ndcg = 0;
        double recall = 0;
        for (Map.Entry<String, String> query : data.queries().entrySet()) {
            List<String> ranking = service.retrieve(RetrieveRequest.of(query.getValue(), TENANT, KNOWLEDGE_BASE,
                    RECALL_CUTOFF, mode)).passages().stream().map(Passage::documentId).toList();
            Map<String, Integer> judgements = data.qrels().get(query.getKey());
            ndcg += RankingMetrics.ndcg(ranking, judgements, NDCG_CUTOFF);
            recall += RankingMetrics.recall(ranking, judgements, RECALL_CUTOFF);
        }
        int n = data.queries().size();
        return new ModeScore(mode, n, n == 0 ? 0 : ndcg / n, n == 0 ? 0 : recall / n);
    }

    /** One document, one chunk: BEIR judges whole documents, and its passages are short. */
    private static void indexCorpus(List<BeirDataset.CorpusDocument> corpus, LuceneVectorIndex index,
                                    EmbeddingModel model) {
        for (int from = 0; from < corpus.size(); from += BATCH_SIZE) {
            List<BeirDataset.CorpusDocument> batch = corpus.subList(from, Math.min(corpus.size(), from + BATCH_SIZE));
            List<Embedding> vectors = model.embedAll(batch.stream()
                    .map(d -> TextSegment.from((d.title() + " " + d.text()).strip())).toList()).content();
            List<IndexedChunk> chunks = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                BeirDataset.CorpusDocument d = batch.get(i);
                chunks.add(new IndexedChunk(DocumentRef.of(TENANT, KNOWLEDGE_BASE, d.id()), "0", 0, d.title(),
                        d.text(), vectors.get(i).vector(), "", List.of(), Map.of()));
            }
            index.upsert(chunks);
        }
    }
}
