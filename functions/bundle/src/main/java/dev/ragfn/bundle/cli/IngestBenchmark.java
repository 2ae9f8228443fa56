package dev.ragfn.bundle.cli;

import dev.langchain4j.data.segment.TextSegment;
import dev.ragfn.bundle.broker.LocalBroker;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.runtime.Stores;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

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

    private final BulkIngest bulkIngest;
    private final LocalBroker broker;
    private final DocumentStore store;
    private final EmbeddingModel model;
    private final RagfnConfig config;

    public IngestBenchmark(BulkIngest bulkIngest, LocalBroker broker, DocumentStore store, EmbeddingModel model,
                           RagfnConfig config) {
        this.bulkIngest = bulkIngest;
        this.broker = broker;
        this.store = store;
        this.model = model;
        this.config = config;
    }

    public int run(Path corpus, int documents, String tenant, String kb) {
        generate(corpus, documents);
        System.out.printf(Locale.ROOT, "Corpus: %d markdown documents in %s; store %s; index %s%n", documents, corpus,
                Stores.describeStore(config), Stores.describeIndex(config));
        model.embed("warm up the model before timing");
        BulkIngest.Report pipeline = bulkIngest.run(corpus, tenant, kb);
        List<String> texts = chunkTexts(new KnowledgeBaseRef(tenant, kb));
        double rawSeconds = embedAll(texts);
        double pipelineChunksPerSecond = pipeline.chunks() / pipeline.seconds();
        double rawChunksPerSecond = texts.size() / rawSeconds;
        System.out.printf(Locale.ROOT, "%nPipeline: %d documents, %d chunks in %.1f s: %.1f documents/s, %.1f chunks/s%n",
                pipeline.indexed(), pipeline.chunks(), pipeline.seconds(), pipeline.indexed() / pipeline.seconds(),
                pipelineChunksPerSecond);
        System.out.println("Time inside each function, summed over threads: " + broker.timeByFunction());
        System.out.printf(Locale.ROOT, "Model alone: %d chunks in %.1f s: %.1f chunks/s%n", texts.size(), rawSeconds,
                rawChunksPerSecond);
        System.out.printf(Locale.ROOT, "Pipeline / model throughput: %.0f%%; peak RSS %d MiB%n",
                100 * pipelineChunksPerSecond / rawChunksPerSecond, peakRssMiB());
        return pipeline.exitCode();
    }

    private List<String> chunkTexts(KnowledgeBaseRef kb) {
        List<String> texts = new ArrayList<>();
        for (Document document : store.listDocuments(kb)) {
            store.listChunks(document.ref()).stream().map(Chunk::text).forEach(texts::add);
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
    private static void generate(Path corpus, int documents) {
        Random random = new Random(7);
        try {
            Files.createDirectories(corpus);
            for (int d = 0; d < documents; d++) {
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
