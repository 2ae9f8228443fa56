package dev.ragfn.benchmarks;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.SearchScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The synthetic corpus: 10,000 chunks of 384-dimensional Gaussian vectors (the dimension of
 * all-MiniLM-L6-v2) with a short English-like text, spread over a few documents of one tenant's
 * knowledge base. Seeded, so every run and both indexes see the same data.
 */
final class BenchData {

    static final int CHUNKS = 10_000;
    static final int DIMENSION = 384;
    static final int BATCH = 500;
    static final int DOCUMENTS = 20;
    static final int K = 10;
    static final String TENANT = "bench";
    static final String KNOWLEDGE_BASE = "kb";
    static final SearchScope SCOPE = SearchScope.of(TENANT, KNOWLEDGE_BASE);

    private static final String[] WORDS = ("index vector search query document chunk tenant knowledge base "
            + "function lambda server cluster shard replica segment merge commit refresh latency throughput "
            + "memory disk cache network request response error retry timeout limit batch stream token model "
            + "embedding similarity cosine nearest neighbour graph layer node edge score rank filter field term "
            + "analyzer stemming language english text title source tag metadata version update delete insert "
            + "store table key value partition region account deploy release build test bench measure report "
            + "river mountain forest ocean desert island valley harbour bridge castle garden library market "
            + "winter summer autumn spring morning evening storm thunder rain snow wind cloud sun moon star")
            .split(" ");

    private BenchData() {
    }

    static DocumentRef document(int i) {
        return DocumentRef.of(TENANT, KNOWLEDGE_BASE, "doc-" + i);
    }

    /** The 10,000 chunks, chunk {@code i} in document {@code i % DOCUMENTS}. */
    static List<IndexedChunk> chunks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<IndexedChunk> chunks = new ArrayList<>(CHUNKS);
        for (int i = 0; i < CHUNKS; i++) {
            int position = i / DOCUMENTS;
            chunks.add(new IndexedChunk(document(i % DOCUMENTS), "c" + position, position,
                    "Section " + position, words(random, 40), gaussian(random), "bench://doc-" + (i % DOCUMENTS),
                    List.of("bench"), Map.of("n", Integer.toString(i))));
        }
        return chunks;
    }

    /** The chunks in upsert batches of {@link #BATCH}. */
    static List<List<IndexedChunk>> batches(List<IndexedChunk> chunks) {
        List<List<IndexedChunk>> batches = new ArrayList<>();
        for (int from = 0; from < chunks.size(); from += BATCH) {
            batches.add(List.copyOf(chunks.subList(from, Math.min(chunks.size(), from + BATCH))));
        }
        return batches;
    }

    static float[][] queryVectors(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            vectors[i] = gaussian(random);
        }
        return vectors;
    }

    static String[] queryTexts(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = words(random, 3);
        }
        return texts;
    }

    /** Paragraphs as IngestBenchmark writes them: 75 words, a full stop after every 15th. */
    static String[] paragraphs(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] paragraphs = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder paragraph = new StringBuilder();
            for (int sentence = 0; sentence < 5; sentence++) {
                paragraph.append(sentence > 0 ? " " : "").append(words(random, 15)).append('.');
            }
            paragraphs[i] = paragraph.toString();
        }
        return paragraphs;
    }

    private static float[] gaussian(SplittableRandom random) {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return v;
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
