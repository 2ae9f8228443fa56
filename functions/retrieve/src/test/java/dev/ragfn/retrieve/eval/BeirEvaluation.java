package dev.ragfn.retrieve.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.embedding.EmbeddingModels;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.retrieve.HybridFusion;
import dev.ragfn.retrieve.Passage;
import dev.ragfn.retrieve.RetrieveConfig;
import dev.ragfn.retrieve.RetrieveMode;
import dev.ragfn.retrieve.RetrieveRequest;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.retrieve.internal.TemporaryIndex;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures retrieval quality on a BEIR-format folder: indexes the corpus into a fresh embedded
 * index with the configured in-process model, runs every judged query of the split in every mode
 * and prints nDCG@10 and recall@100 per mode. Settings come from {@code -Dragfn.*} system
 * properties ({@code ragfn.embedding.model}, {@code ragfn.retrieve.fusion}, ...).
 * {@code --embedding-cache DIR} keeps the corpus's and queries' vectors there between runs
 * (embedding SciFact takes minutes on two cores); a changed text is embedded again.
 * {@code --modes bm25} runs only the named modes; with bm25 alone nothing is embedded.
 * {@code --convex-weights 0.3,0.5} also scores hybrid with convex fusion at each of those vector
 * weights, on the same index (for choosing the weight on a training split).
 *
 * <pre>BeirEvaluation &lt;beir-folder&gt; [split, default test] [--embedding-cache DIR] [--modes bm25,vector,hybrid]
 *     [--convex-weights 0.3,0.5]</pre>
 */
public final class BeirEvaluation {

    private static final String TENANT = "beir";
    private static final String KNOWLEDGE_BASE = "eval";
    private static final int BATCH_SIZE = 64;
    private static final int NDCG_CUTOFF = 10;
    private static final int RECALL_CUTOFF = 100;

    public record ModeScore(RetrieveMode mode, int queries, double ndcgAt10, double recallAt100) {
    }

    /** What was measured: the scores, and the corpus documents left out because they hold no text. */
    public record Result(List<ModeScore> scores, int documents, int emptyDocuments) {
    }

    private BeirEvaluation() {
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        Optional<Path> cache = Optional.empty();
        List<RetrieveMode> modes = List.of(RetrieveMode.values());
        List<Double> convexWeights = List.of();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--embedding-cache") && i + 1 < args.length) {
                cache = Optional.of(Path.of(args[++i]));
            } else if (args[i].equals("--modes") && i + 1 < args.length) {
                modes = Arrays.stream(args[++i].split(",")).map(RetrieveMode::parse).toList();
            } else if (args[i].equals("--convex-weights") && i + 1 < args.length) {
                convexWeights = Arrays.stream(args[++i].split(",")).map(Double::valueOf).toList();
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty()) {
            System.err.println("usage: BeirEvaluation <beir-folder> [split, default test] [--embedding-cache DIR]"
                    + " [--modes bm25,vector,hybrid] [--convex-weights 0.3,0.5]");
            System.exit(2);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources()
                .withMapping(RetrieveConfig.class).withMapping(RagfnConfig.class).build();
        RetrieveConfig retrieve = config.getConfigMapping(RetrieveConfig.class);
        EmbeddingModel model = modes.equals(List.of(RetrieveMode.BM25)) ? new NoEmbedding()
                : EmbeddingModels.create(config.getConfigMapping(RagfnConfig.class));
        Path folder = Path.of(positional.getFirst());
        String split = positional.size() > 1 ? positional.get(1) : "test";
        if (cache.isPresent()) {
            model = EmbeddingCache.around(model, cache.get());
        }
        Result result = evaluate(folder, split, model, retrieve, modes, convexWeights, System.out);
        System.out.printf("%s, split %s, model %s, fusion %s%n", folder, split, model, describe(retrieve));
        System.out.print(table(result.scores()));
    }

    public static Result evaluate(Path folder, String split, EmbeddingModel model, RetrieveConfig config,
                                  PrintStream log) {
        return evaluate(folder, split, model, config, List.of(RetrieveMode.values()), log);
    }

    public static Result evaluate(Path folder, String split, EmbeddingModel model, RetrieveConfig config,
                                  List<RetrieveMode> modes, PrintStream log) {
        return evaluate(folder, split, model, config, modes, List.of(), log);
    }

    /** As above, and hybrid with convex fusion at each of {@code convexWeights}, logged one line each. */
    public static Result evaluate(Path folder, String split, EmbeddingModel model, RetrieveConfig config,
                                  List<RetrieveMode> modes, List<Double> convexWeights, PrintStream log) {
        BeirDataset data = BeirDataset.read(folder, split);
        List<BeirDataset.CorpusDocument> documents = data.corpus().stream().filter(d -> !d.isEmpty()).toList();
        int empty = data.corpus().size() - documents.size();
        log.printf("%s: %d documents (%d empty, left out), %d judged queries of split %s%n", folder,
                data.corpus().size(), empty, data.queries().size(), split);
        try (TemporaryIndex temporary = new TemporaryIndex(model.dimension())) {
            LuceneVectorIndex index = temporary.index();
            long started = System.nanoTime();
            indexCorpus(documents, index, model);
            log.printf("indexed in %.1f s%n", (System.nanoTime() - started) / 1e9);
            RetrieveService service = new RetrieveService(index, model, config, Optional.empty());
            List<ModeScore> scores = new ArrayList<>();
            for (RetrieveMode mode : modes) {
                scores.add(score(mode, data, service));
            }
            for (double weight : convexWeights) {
                ModeScore hybrid = score(RetrieveMode.HYBRID, data,
                        new RetrieveService(index, model, convex(config, weight), Optional.empty()));
                log.printf("hybrid, convex, vector weight %.2f: nDCG@10 %.3f, recall@100 %.3f%n", weight,
                        hybrid.ndcgAt10(), hybrid.recallAt100());
            }
            return new Result(scores, documents.size(), empty);
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

    /** {@code config} with convex fusion at vector weight {@code weight}. */
    private static RetrieveConfig convex(RetrieveConfig config, double weight) {
        return (RetrieveConfig) Proxy.newProxyInstance(RetrieveConfig.class.getClassLoader(),
                new Class<?>[]{RetrieveConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "fusion" -> HybridFusion.Kind.CONVEX;
                    case "convexVectorWeight" -> weight;
                    default -> method.invoke(config, args);
                });
    }

    private static String describe(RetrieveConfig config) {
        return switch (config.fusion()) {
            case CONVEX -> "convex, vector weight " + config.convexVectorWeight();
            case RRF -> "rrf, k " + config.rrfK() + ", weights bm25 " + config.bm25Weight() + " vector "
                    + config.vectorWeight();
        };
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

    /** One document, one chunk: BEIR judges whole documents, and the model reads as far as it can. */
    private static void indexCorpus(List<BeirDataset.CorpusDocument> corpus, LuceneVectorIndex index,
                                    EmbeddingModel model) {
        for (int from = 0; from < corpus.size(); from += BATCH_SIZE) {
            List<BeirDataset.CorpusDocument> batch = corpus.subList(from, Math.min(corpus.size(), from + BATCH_SIZE));
            List<Embedding> vectors = model.embedAll(batch.stream()
                    .map(d -> TextSegment.from(d.embeddedText())).toList()).content();
            List<IndexedChunk> chunks = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                BeirDataset.CorpusDocument d = batch.get(i);
                chunks.add(new IndexedChunk(DocumentRef.of(TENANT, KNOWLEDGE_BASE, d.id()), "0", 0, d.title(),
                        d.text(), vectors.get(i).vector(), "", List.of(), Map.of()));
            }
            index.upsert(chunks);
        }
    }

    /** For a BM25-only run: a chunk's vector is a random one seeded by its text, and nothing is embedded. */
    static final class NoEmbedding implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> Embedding.from(randomUnit(s.text().hashCode()))).toList());
        }

        private float[] randomUnit(long seed) {
            java.util.Random random = new java.util.Random(seed);
            float[] vector = new float[dimension()];
            double norm = 0;
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) random.nextGaussian();
                norm += vector[i] * vector[i];
            }
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) Math.sqrt(norm);
            }
            return vector;
        }

        /** Two dimensions: building the vector graph costs next to nothing, and BM25 does not look at it. */
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public String toString() {
            return "none (bm25 only)";
        }
    }
}
