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
import dev.ragfn.retrieve.Passage;
import dev.ragfn.retrieve.RetrieveConfig;
import dev.ragfn.retrieve.RetrieveMode;
import dev.ragfn.retrieve.RetrieveRequest;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.core.json.Json;
import dev.ragfn.core.port.SearchScope;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
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
 * <p>{@code --index-dir DIR} keeps the embedded index in DIR and fills it only when DIR holds none,
 * and {@code --opensearch-index NAME} keeps that OpenSearch index (filled only when empty; deleted by
 * hand): repeated runs then skip the fill. Either way the embedded index is closed and opened again
 * after the fill, which waits for Lucene's background merges, and the OpenSearch node's merges of the
 * index are waited for, so that none runs while calls are timed.
 * {@code --modes bm25,vector} times only those modes; {@code --embedding false} skips the model's row;
 * {@code --lucene false} skips the embedded index. {@code --dump FILE} writes every query's passages to
 * FILE.lucene and FILE.opensearch instead of timing, so that two builds' results can be compared.
 *
 * <pre>RetrieveBenchmark [--chunks 100000] [--queries 1000] [--k 10] [--opensearch http://127.0.0.1:9200]
 *     [--index-dir DIR] [--opensearch-index NAME] [--modes bm25,vector,hybrid] [--embedding true] [--lucene true]
 *     [--dump FILE]</pre>
 */
public final class RetrieveBenchmark {

    private static final String TENANT = "bench";
    private static final String KNOWLEDGE_BASE = "chunks";
    private static final int DIMENSION = 384;
    private static final int CHUNKS_PER_DOCUMENT = 50;
    private static final int BATCH_SIZE = 1_000;
    private static final int WORDS_PER_CHUNK = 60;
    private static final SearchScope SCOPE = new SearchScope(TENANT, Set.of(KNOWLEDGE_BASE));

    /** {@code --dump FILE}: write each query's passages to FILE.lucene / FILE.opensearch instead of timing. */
    private static String dump;

    private RetrieveBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        dump = options.get("dump");
        int chunks = Integer.parseInt(options.getOrDefault("chunks", "100000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "1000"));
        int k = Integer.parseInt(options.getOrDefault("k", "10"));
        List<RetrieveMode> modes = Arrays.stream(options.getOrDefault("modes", "bm25,vector,hybrid").split(","))
                .map(RetrieveMode::parse).toList();
        String openSearchIndex = options.getOrDefault("opensearch-index",
                "ragfn-retrieve-bench-" + UUID.randomUUID().toString().substring(0, 8));
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources()
                .withMapping(RetrieveConfig.class).withMapping(RagfnConfig.class)
                .withDefaultValue("ragfn.opensearch.url", options.getOrDefault("opensearch", "http://127.0.0.1:9200"))
                .withDefaultValue("ragfn.opensearch.index-name", openSearchIndex)
                .build();
        RetrieveConfig retrieveConfig = config.getConfigMapping(RetrieveConfig.class);

        Workload workload = Workload.create(queries);
        System.out.printf("%d chunks, %d queries per mode after %d warm-up, k=%d, dimension %d, %d cores%n",
                chunks, queries, Workload.WARM_UP, k, DIMENSION, Runtime.getRuntime().availableProcessors());
        List<String> rows = new ArrayList<>();
        if (!options.getOrDefault("lucene", "true").equals("false")) {
            Path directory = options.containsKey("index-dir") ? Path.of(options.get("index-dir")) : temporaryDirectory();
            try {
                rows.addAll(runEmbedded(directory, chunks, workload, retrieveConfig, k, modes));
            } finally {
                if (!options.containsKey("index-dir")) {
                    delete(directory);
                }
            }
        }
        if (options.containsKey("opensearch")) {
            RagfnConfig.OpenSearch openSearch = config.getConfigMapping(RagfnConfig.class).opensearch();
            try (OpenSearchVectorIndex index = OpenSearchVectorIndex.create(openSearch, DIMENSION)) {
                if (index.count(SCOPE) == 0) {
                    fill("opensearch", index, chunks);
                }
                awaitMerges(openSearch.url(), openSearch.indexName());
                rows.addAll(run("opensearch", index, workload, retrieveConfig, k, modes, ServerCpu.of(openSearch.url())));
            } finally {
                if (!options.containsKey("opensearch-index")) {
                    deleteIndex(openSearch);
                }
            }
        }
        if (!options.getOrDefault("embedding", "true").equals("false")) {
            rows.add(embeddingRow(workload, config.getConfigMapping(RagfnConfig.class)));
        }
        System.out.println("| index | mode | p50 ms | p99 ms | CPU ms per call | search threads' CPU ms per call | server CPU ms per call |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Fills the index unless it holds the chunks already, then reopens it: closing waits for running merges. */
    private static List<String> runEmbedded(Path directory, int chunks, Workload workload, RetrieveConfig config, int k,
                                            List<RetrieveMode> modes) {
        try (LuceneVectorIndex index = LuceneVectorIndex.open(directory, DIMENSION)) {
            long existing = index.count(SCOPE);
            if (existing == 0) {
                fill("lucene", index, chunks);
            } else if (existing != chunks) {
                throw new IllegalStateException(directory + " holds " + existing + " chunks, not " + chunks);
            }
        }
        try (LuceneVectorIndex index = LuceneVectorIndex.open(directory, DIMENSION)) {
            return run("lucene", index, workload, config, k, modes, ServerCpu.NONE);
        }
    }

    private static List<String> run(String name, VectorIndex index, Workload workload, RetrieveConfig config, int k,
                                    List<RetrieveMode> modes, ServerCpu server) {
        RetrieveService service = new RetrieveService(index, workload, config, Optional.empty());
        if (dump != null) {
            dump(name, service, workload, k, modes);
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        for (RetrieveMode mode : modes) {
            Timings timings = workload.time(query -> service.retrieve(RetrieveRequest.of(query, TENANT, KNOWLEDGE_BASE, k, mode)),
                    server);
            rows.add(row(name, mode.wireName(), timings));
            System.out.println(rows.getLast());
        }
        return rows;
    }

    /** Writes every query's passages instead of timing: two builds' files must be equal when a change keeps results. */
    private static void dump(String name, RetrieveService service, Workload workload, int k, List<RetrieveMode> modes) {
        Path file = Path.of(dump + "." + name);
        try (var out = Files.newBufferedWriter(file)) {
            for (RetrieveMode mode : modes) {
                for (int q = 0; q < workload.texts.size(); q++) {
                    List<Passage> passages = service.retrieve(RetrieveRequest.of(workload.texts.get(q), TENANT,
                            KNOWLEDGE_BASE, k, mode)).passages();
                    for (int rank = 0; rank < passages.size(); rank++) {
                        Passage p = passages.get(rank);
                        out.write(String.join("\t", mode.wireName(), String.valueOf(q), String.valueOf(rank),
                                p.knowledgeBase(), p.documentId(), p.chunkId(), String.valueOf(p.position()),
                                String.valueOf(p.score()), String.valueOf(p.similarity()),
                                new TreeMap<>(p.ranks()).toString(), p.title(), p.source(),
                                Integer.toHexString(p.text().hashCode())));
                        out.newLine();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(name + ": passages written to " + file);
    }

    /** The platform's own in-process model, as retrieve builds it from configuration. */
    private static String embeddingRow(Workload workload, RagfnConfig config) {
        EmbeddingModel model = EmbeddingModels.create(config);
        return row("-", "query embedding (" + model + ")", workload.time(query -> QueryEmbeddingModel.embedQuery(model, query), ServerCpu.NONE));
    }

    private static void fill(String name, VectorIndex index, int chunks) {
        long started = System.nanoTime();
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
        System.out.printf("%s: indexed %d chunks in %.1f s%n", name, chunks, (System.nanoTime() - started) / 1e9);
    }

    private static String row(String index, String what, Timings timings) {
        long[] sorted = timings.nanos().clone();
        Arrays.sort(sorted);
        return String.format("| %s | %s | %.2f | %.2f | %.2f | %.2f | %s |", index, what, percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6, timings.cpuNanos() / 1e6 / sorted.length,
                timings.threadCpuNanos() / 1e6 / sorted.length,
                timings.serverCpuNanos() < 0 ? "" : String.format("%.2f", timings.serverCpuNanos() / 1e6 / sorted.length));
    }

    /**
     * Each measured call's wall-clock time, and the CPU time spent on all of them: by the process (every
     * thread, GC and JIT included), by its threads that search (the caller and the index's and HTTP
     * client's own threads; not Lucene's merges), and by the OpenSearch node (-1 for the embedded index).
     */
    private record Timings(long[] nanos, long cpuNanos, long threadCpuNanos, long serverCpuNanos) {
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
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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

        Timings time(Consumer<String> search, ServerCpu server) {
            texts.subList(0, WARM_UP).forEach(search);
            List<String> measured = texts.subList(WARM_UP, texts.size());
            long[] nanos = new long[measured.size()];
            long serverStarted = server.nanos();
            Map<Long, Long> threadsStarted = searchThreadCpu();
            long cpuStarted = PROCESS.getProcessCpuTime();
            for (int i = 0; i < nanos.length; i++) {
                long started = System.nanoTime();
                search.accept(measured.get(i));
                nanos[i] = System.nanoTime() - started;
            }
            long cpu = PROCESS.getProcessCpuTime() - cpuStarted;
            long threadCpu = 0;
            for (Map.Entry<Long, Long> thread : searchThreadCpu().entrySet()) {
                threadCpu += thread.getValue() - threadsStarted.getOrDefault(thread.getKey(), 0L);
            }
            long serverCpu = serverStarted < 0 ? -1 : server.nanos() - serverStarted;
            return new Timings(nanos, cpu, threadCpu, serverCpu);
        }

        /** CPU time of every live thread but Lucene's merge threads, by thread id. */
        private static Map<Long, Long> searchThreadCpu() {
            Map<Long, Long> cpu = new HashMap<>();
            for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (thread != null && !thread.getThreadName().startsWith("Lucene Merge Thread")) {
                    long nanos = THREADS.getThreadCpuTime(thread.getThreadId());
                    if (nanos >= 0) {
                        cpu.put(thread.getThreadId(), nanos);
                    }
                }
            }
            return cpu;
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

    /** The OpenSearch node's process CPU time, from its node stats; -1 where there is no server. */
    private interface ServerCpu {
        ServerCpu NONE = () -> -1;

        long nanos();

        static ServerCpu of(URI url) {
            return () -> get(url, "/_nodes/_local/stats/process").path("nodes").elements().next()
                    .path("process").path("cpu").path("total_in_millis").asLong() * 1_000_000;
        }
    }

    /** Waits until the node merges none of the index's segments, so that no merge runs while calls are timed. */
    private static void awaitMerges(URI url, String index) {
        try {
            while (get(url, "/" + index + "/_stats/merge").path("_all").path("primaries").path("merges")
                    .path("current").asLong() > 0) {
                Thread.sleep(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(URI url, String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).build();
            return Json.mapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ragfn-retrieve-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("Failed to delete " + directory + ": " + e.getMessage());
        }
    }

    private static void deleteIndex(RagfnConfig.OpenSearch config) {
        try {
            OpenSearchVectorIndex.client(config).indices().delete(d -> d.index(config.indexName()));
        } catch (IOException e) {
            System.err.println("Failed to delete benchmark index " + config.indexName() + ": " + e.getMessage());
        }
    }
}
