package dev.ragfn.retrieve.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.data.segment.TextSegment;
import dev.ragfn.embedding.InProcessEmbeddingModel;
import dev.ragfn.embedding.InProcessModel;
import dev.ragfn.retrieve.eval.BeirDataset;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What each in-process model costs per query and per chunk, on the texts of a BEIR folder: its
 * test queries embedded one at a time (with the model's query instruction, as retrieve does) and
 * its first documents in batches of 32 (as embed does), whole and cut to their first 120 words
 * (about the 200 tokens of an ingested chunk), each model in turn, alternating twice.
 * Prints wall-clock p50/p99 and the process's CPU time per text, which load from other processes
 * inflates far less than wall-clock time.
 *
 * <pre>EmbeddingCost &lt;beir-folder&gt; [--queries 200] [--chunks 256]</pre>
 */
public final class EmbeddingCost {

    private static final int BATCH = 32;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EmbeddingCost() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int queries = 200;
        int chunks = 256;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--chunks" -> chunks = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        BeirDataset data = BeirDataset.read(folder, "test");
        List<String> queryTexts = data.queries().values().stream().limit(queries).toList();
        List<TextSegment> chunkTexts = data.corpus().stream().filter(d -> !d.isEmpty()).limit(chunks)
                .map(d -> TextSegment.from(d.embeddedText())).toList();
        List<TextSegment> shortChunks = chunkTexts.stream().map(s -> TextSegment.from(firstWords(s.text(), 120))).toList();
        System.out.println("| model | round | query p50 ms | query p99 ms | query CPU ms | abstract CPU ms | abstract wall ms"
                + " | 120-word chunk CPU ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int round = 1; round <= 2; round++) {
            for (InProcessModel model : InProcessModel.values()) {
                InProcessEmbeddingModel embedder = new InProcessEmbeddingModel(model);
                queryTexts.stream().limit(20).forEach(embedder::embedQuery);
                long[] nanos = new long[queryTexts.size()];
                long cpu = PROCESS.getProcessCpuTime();
                for (int i = 0; i < nanos.length; i++) {
                    long started = System.nanoTime();
                    embedder.embedQuery(queryTexts.get(i));
                    nanos[i] = System.nanoTime() - started;
                }
                double queryCpu = (PROCESS.getProcessCpuTime() - cpu) / 1e6 / nanos.length;
                long started = System.nanoTime();
                double chunkCpu = cpuPerText(embedder, chunkTexts);
                double chunkWall = (System.nanoTime() - started) / 1e6 / chunkTexts.size();
                double shortCpu = cpuPerText(embedder, shortChunks);
                Arrays.sort(nanos);
                System.out.printf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", model.configName(), round,
                        nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e6,
                        queryCpu, chunkCpu, chunkWall, shortCpu);
            }
        }
    }

    private static String firstWords(String text, int words) {
        String[] all = text.split("\\s+");
        return String.join(" ", Arrays.copyOf(all, Math.min(words, all.length)));
    }

    /** The process's CPU milliseconds per text, embedding them in batches. */
    private static double cpuPerText(InProcessEmbeddingModel embedder, List<TextSegment> texts) {
        long cpu = PROCESS.getProcessCpuTime();
        for (int from = 0; from < texts.size(); from += BATCH) {
            embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH)));
        }
        return (PROCESS.getProcessCpuTime() - cpu) / 1e6 / texts.size();
    }
}
