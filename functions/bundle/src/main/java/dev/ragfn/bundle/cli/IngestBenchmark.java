package dev.ragfn.bundle.cli;

import dev.langchain4j.data.segment.TextSegment;
import dev.ragfn.bundle.broker.LocalBroker;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.runtime.Stores;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Measures the ingestion pipeline against its bound: generates a corpus, ingests it end to end
 * through the local broker, then embeds the very same chunk texts with the bare model in the same
 * process. Pipeline throughput close to the model's means the pipeline adds little.
 */
@ApplicationScoped
public class IngestBenchmark {

    private static final String[] WORDS = ("cluster operator deploy service model vector index query latency token "
            + "embedding document chunk tenant knowledge retrieval answer policy shield metric summary event trigger "
            + "broker function lambda knative scale zero memory cache request response stream retry backoff dead "
            + "letter storage table partition replica shard search ranking score fusion hybrid lexical semantic "
            + "the a of to and in is for on with as by that this from at be are was it or an which can will "
            + "engineer team platform release upgrade incident runbook alert page severity customer impact status "
            + "credential secret rotate backup restore schema migration review owner channel window maintenance")
            .split(" ");
    /** The warm-up corpus is a fifth of the timed one. */
    private static final int WARM_UP_SHARE = 5;
    private static final int ROUNDS = 5;

    private final BulkIngest bulkIngest;
    private final LocalBroker broker;
    private final DocumentStore store;
    private final VectorIndex index;
    private final EmbeddingModel model;
    private final RagfnConfig config;

    public IngestBenchmark(BulkIngest bulkIngest, LocalBroker broker, DocumentStore store, VectorIndex index,
                           EmbeddingModel model, RagfnConfig config) {
        this.bulkIngest = bulkIngest;
        this.broker = broker;
        this.store = store;
        this.index = index;
        this.model = model;
        this.config = config;
    }

    /**
     * Writes the timed corpus to {@code directory}/timed, in rounds, and a warm-up corpus to
     * {@code directory}/warm-up. Each round is ingested, then its chunks are embedded by the bare
     * model: on a shared machine whose speed drifts, both sides of the ratio see the same drift.
     */
    public int run(Path directory, int documents, String tenant, String kb) {
        if (documents < 1) {
            throw new InvalidInputException("--docs must be at least 1 but was " + documents);
        }
        int roundCount = Math.min(ROUNDS, documents);
        List<Path> rounds = new ArrayList<>();
        for (int round = 0; round < roundCount; round++) {
            Path dir = directory.resolve("timed").resolve("round-" + (round + 1));
            generate(dir, round * documents / roundCount, (round + 1) * documents / roundCount, 7 + round);
            rounds.add(dir);
        }
        System.out.printf(Locale.ROOT, "Corpus: %d markdown documents in %s, in %d rounds; store %s; index %s%n",
                documents, directory.resolve("timed"), roundCount, Stores.describeStore(config),
                Stores.describeIndex(config));
        warmUp(directory.resolve("warm-up"), Math.max(1, documents / WARM_UP_SHARE), tenant, kb + "-warmup");
        Map<String, Duration> timeBefore = broker.timeByFunction();
        Phase pipeline = new Phase();
        Phase bare = new Phase();
        List<String> roundRatios = new ArrayList<>();
        int exitCode = 0;
        for (Path round : rounds) {
            long cpu = processCpuNanos();
            BulkIngest.Report report = bulkIngest.run(round, tenant, kb);
            pipeline.add(report.indexed(), report.chunks(), report.seconds(), processCpuNanos() - cpu);
            exitCode = Math.max(exitCode, report.exitCode());
            List<String> texts = chunkTexts(new KnowledgeBaseRef(tenant, kb), round);
            cpu = processCpuNanos();
            double seconds = embedAll(texts);
            bare.add(0, texts.size(), seconds, processCpuNanos() - cpu);
            roundRatios.add(String.format(Locale.ROOT, "%.0f%%",
                    100 * (report.chunks() / report.seconds()) / (texts.size() / seconds)));
        }
        Map<String, Duration> time = new TreeMap<>();
        broker.timeByFunction().forEach((function, total) ->
                time.put(function, total.minus(timeBefore.getOrDefault(function, Duration.ZERO))));
        print(pipeline, bare, roundRatios, time);
        return exitCode;
    }

    private static void print(Phase pipeline, Phase bare, List<String> roundRatios, Map<String, Duration> time) {
        System.out.printf(Locale.ROOT, "%nPipeline: %d documents, %d chunks in %.1f s: %.1f documents/s, %.1f chunks/s; "
                        + "CPU %.2f ms per chunk%n", pipeline.documents, pipeline.chunks, pipeline.seconds,
                pipeline.documents / pipeline.seconds, pipeline.chunksPerSecond(), pipeline.cpuMillisPerChunk());
        System.out.println("Time inside each function, summed over threads: " + time);
        System.out.printf(Locale.ROOT, "Model alone: %d chunks in %.1f s: %.1f chunks/s; CPU %.2f ms per chunk%n",
                bare.chunks, bare.seconds, bare.chunksPerSecond(), bare.cpuMillisPerChunk());
        System.out.printf(Locale.ROOT, "Pipeline / model throughput: %.0f%% (rounds: %s); by CPU time %.0f%%; "
                        + "peak RSS %d MiB%n", 100 * pipeline.chunksPerSecond() / bare.chunksPerSecond(),
                String.join(", ", roundRatios), 100 * bare.cpuMillisPerChunk() / pipeline.cpuMillisPerChunk(),
                peakRssMiB());
    }

    /** Sums over the rounds of one side of the comparison. */
    private static final class Phase {
        private long documents;
        private long chunks;
        private double seconds;
        private long cpuNanos;

        void add(long documents, long chunks, double seconds, long cpuNanos) {
            this.documents += documents;
            this.chunks += chunks;
            this.seconds += seconds;
            this.cpuNanos += cpuNanos;
        }

        double chunksPerSecond() {
            return chunks / seconds;
        }

        double cpuMillisPerChunk() {
            return cpuNanos / 1e6 / chunks;
        }
    }

    /**
     * Runs the whole pipeline once on a smaller corpus of its own and removes what it stored, so the
     * timed run, like the model-alone run after it, measures code the JIT has already compiled.
     */
    private void warmUp(Path corpus, int documents, String tenant, String kb) {
        generate(corpus, 0, documents, 3);
        long started = System.nanoTime();
        BulkIngest.Report report = bulkIngest.run(corpus, tenant, kb);
        KnowledgeBaseRef ref = new KnowledgeBaseRef(tenant, kb);
        for (Document document : store.listDocuments(ref)) {
            index.deleteDocument(document.ref());
        }
        store.deleteKnowledgeBase(ref);
        System.out.printf(Locale.ROOT, "Warm-up (JIT compilation, not timed): %d documents in %.1f s, then removed%n%n",
                report.files(), (System.nanoTime() - started) / 1e9);
    }

    /** What embed would embed of the documents of one round: their ids are the file names. */
    private List<String> chunkTexts(KnowledgeBaseRef kb, Path round) {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(round)) {
            for (Path file : files.sorted().toList()) {
                store.listChunks(kb.document(file.getFileName().toString())).stream().map(Chunk::searchText)
                        .forEach(texts::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list " + round, e);
        }
        return texts;
    }

    private double embedAll(List<String> texts) {
        int batch = config.embedding().batchSize();
        long started = System.nanoTime();
        for (int from = 0; from < texts.size(); from += batch) {
            model.embedAll(texts.subList(from, Math.min(texts.size(), from + batch)).stream().map(TextSegment::from).toList());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Documents of 3 sections with 2 paragraphs each, about 450 words: 3 to 6 chunks each. */
    private static void generate(Path corpus, int first, int end, long seed) {
        Random random = new Random(seed);
        try {
            Files.createDirectories(corpus);
            for (int d = first; d < end; d++) {
                StringBuilder text = new StringBuilder("# Document ").append(d).append("\n\n");
                for (int s = 0; s < 3; s++) {
                    text.append("## Section ").append(s).append(' ').append(WORDS[random.nextInt(WORDS.length)]).append("\n\n");
                    for (int p = 0; p < 2; p++) {
                        for (int w = 0; w < 75; w++) {
                            text.append(WORDS[random.nextInt(WORDS.length)]).append(w % 15 == 14 ? ". " : " ");
                        }
                        text.append("\n\n");
                    }
                }
                Files.writeString(corpus.resolve(String.format(Locale.ROOT, "doc-%05d.md", d)), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the benchmark corpus to " + corpus, e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** VmHWM: the resident-set high-water mark of this process, as the kernel counts it. */
    private static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
