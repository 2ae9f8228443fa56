package dev.ragfn.retrieve.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.embedding.EmbeddingModels;
import dev.ragfn.embedding.QueryEmbeddingModel;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.index.opensearch.OpenSearchVectorIndex;
import dev.ragfn.retrieve.RetrieveConfig;
import dev.ragfn.retrieve.RetrieveMode;
import dev.ragfn.retrieve.RetrieveRequest;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.retrieve.internal.TemporaryIndex;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Retrieve latency per mode on an index of N synthetic chunks (random unit vectors, Zipf text):
 * the embedded Lucene index always, OpenSearch too when {@code --opensearch URL} is given. Query
 * vectors are precomputed, so the figures are the search and fusion cost; the in-process model's
 * query embedding is measured separately. Beside wall-clock percentiles each row gives the CPU
 * time this process spent per call (every thread: parallel segment searches, GC), which load from
 * other processes on a shared machine inflates far less; for OpenSearch that is the client's share.
 *
 * <pre>RetrieveBenchmark [--chunks 100000] [--queries 1000] [--k 10] [--opensearch http://127.0.0.1:9200]</pre>
 */
public final class RetrieveBenchmark {

    private static final String TENANT = "bench";
    private static final String KNOWLEDGE_BASE = "chunks";
    private static final int DIMENSION = 384;
    private static final int CHUNKS_PER_DOCUMENT = 50;
    private static final int BATCH_SIZE = 1_000;
    private static final int WORDS_PER_CHUNK = 60;

    private RetrieveBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int chunks = Integer.parseInt(options.getOrDefault("chunks", "100000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "1000"));
        int k = Integer.parseInt(options.getOrDefault("k", "10"));
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources()
                .withMapping(RetrieveConfig.class).withMapping(RagfnConfig.class)
                .withDefaultValue("ragfn.opensearch.url", options.getOrDefault("opensearch", "http://127.0.0.1:9200"))
                .withDefaultValue("ragfn.opensearch.index-name", "ragfn-retrieve-bench-" + UUID.randomUUID().toString().substring(0, 8))
                .build();
        RetrieveConfig retrieveConfig = config.getConfigMapping(RetrieveConfig.class);

        Workload workload = Workload.create(queries);
        System.out.printf("%d chunks, %d queries per mode after %d warm-up, k=%d, dimension %d, %d cores%n",
                chunks, queries, Workload.WARM_UP, k, DIMENSION, Runtime.getRuntime().availableProcessors());
        List<String> rows = new ArrayList<>();
        try (TemporaryIndex lucene = new TemporaryIndex(DIMENSION)) {
            rows.addAll(run("lucene", lucene.index(), chunks, workload, retrieveConfig, k));
        }
        if (options.containsKey("opensearch")) {
            RagfnConfig.OpenSearch openSearch = config.getConfigMapping(RagfnConfig.class).opensearch();
            try (OpenSearchVectorIndex index = OpenSearchVectorIndex.create(openSearch, DIMENSION)) {
                rows.addAll(run("opensearch", index, chunks, workload, retrieveConfig, k));
            } finally {
                deleteIndex(openSearch);
            }
        }
        rows.add(embeddingRow(workload, config.getConfigMapping(RagfnConfig.class)));
        System.out.println("| index | mode | p50 ms | p99 ms | CPU ms per call |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static List<String> run(String name, VectorIndex index, int chunks, Workload workload,
                                    RetrieveConfig config, int k) {
        long started = System.nanoTime();
        fill(index, chunks);
        System.out.printf("%s: indexed %d chunks in %.1f s%n", name, chunks, (System.nanoTime() - started) / 1e9);
        RetrieveService service = new RetrieveService(index, workload, config, Optional.empty());
        List<String> rows = new ArrayList<>();
        for (RetrieveMode mode : RetrieveMode.values()) {
            Timings timings = workload.time(query -> service.retrieve(RetrieveRequest.of(query, TENANT, KNOWLEDGE_BASE, k, mode)));
            rows.add(row(name, mode.wireName(), timings));
            System.out.println(rows.getLast());
        }
        return rows;
    }

    /** The platform's own in-process model, as retrieve builds it from configuration. */
    private static String embeddingRow(Workload workload, RagfnConfig config) {
        EmbeddingModel model = EmbeddingModels.create(config);
        return row("-", "query embedding (" + model + ")", workload.time(query -> QueryEmbeddingModel.embedQuery(model, query)));
    }

    private static void fill(VectorIndex index, int chunks) {
        SyntheticCorpus corpus = new SyntheticCorpus(42, DIMENSION, Workload.VOCABULARY);
        List<IndexedChunk> batch = new ArrayList<>(BATCH_SIZE);
        for (int i = 0; i < chunks; i++) {
            DocumentRef document = DocumentRef.of(TENANT, KNOWLEDGE_BASE, "doc-" + i / CHUNKS_PER_DOCUMENT);
            batch.add(new IndexedChunk(document, "c" + i % CHUNKS_PER_DOCUMENT, i % CHUNKS_PER_DOCUMENT,
                    "Document " + i / CHUNKS_PER_DOCUMENT, corpus.text(WORDS_PER_CHUNK), corpus.vector(), "bench",
                    List.of(), Map.of()));
            if (batch.size() == BATCH_SIZE || i == chunks - 1) {
                index.upsert(batch);
                batch.clear();
            }
        }
    }

    private static String row(String index, String what, Timings timings) {
        long[] sorted = timings.nanos().clone();
        Arrays.sort(sorted);
        return String.format("| %s | %s | %.2f | %.2f | %.2f |", index, what, percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6, timings.cpuNanos() / 1e6 / sorted.length);
    }

    /** Each measured call's wall-clock time, and the CPU time the process spent on all of them. */
    private record Timings(long[] nanos, long cpuNanos) {
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Query texts with precomputed vectors; "embedding" one is a map lookup, so it costs nothing. */
    private static final class Workload implements EmbeddingModel {
        static final int WARM_UP = 200;
        static final int VOCABULARY = 20_000;
        private static final OperatingSystemMXBean PROCESS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        private final List<String> texts;
        private final Map<String, float[]> vectors = new HashMap<>();

        private Workload(List<String> texts) {
            this.texts = texts;
        }

        static Workload create(int queries) {
            SyntheticCorpus corpus = new SyntheticCorpus(7, DIMENSION, VOCABULARY);
            List<String> texts = new ArrayList<>();
            Workload workload = new Workload(texts);
            for (int i = 0; i < WARM_UP + queries; i++) {
                String text = corpus.text(3 + i % 4) + " q" + i;
                texts.add(text);
                workload.vectors.put(text, corpus.vector());
            }
            return workload;
        }

        Timings time(Consumer<String> search) {
            texts.subList(0, WARM_UP).forEach(search);
            List<String> measured = texts.subList(WARM_UP, texts.size());
            long[] nanos = new long[measured.size()];
            long cpuStarted = PROCESS.getProcessCpuTime();
            for (int i = 0; i < nanos.length; i++) {
                long started = System.nanoTime();
                search.accept(measured.get(i));
                nanos[i] = System.nanoTime() - started;
            }
            return new Timings(nanos, PROCESS.getProcessCpuTime() - cpuStarted);
        }

        @Override
        public Response<Embedding> embed(String text) {
            return Response.from(Embedding.from(vectors.get(text)));
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> embed(s.text()).content()).toList());
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs but got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void deleteIndex(RagfnConfig.OpenSearch config) {
        try {
            OpenSearchVectorIndex.client(config).indices().delete(d -> d.index(config.indexName()));
        } catch (IOException e) {
            System.err.println("Failed to delete benchmark index " + config.indexName() + ": " + e.getMessage());
        }
    }
}
