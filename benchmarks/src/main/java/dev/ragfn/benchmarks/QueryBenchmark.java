package dev.ragfn.benchmarks;

import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.SearchFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one search (k = 10) on an index holding the 10,000 chunks, with random query vectors
 * and texts: plain kNN, kNN filtered to one of the 20 documents (500 chunks), and BM25. Sampled,
 * so JMH reports p50/p90/p99. Includes fetching the hits' stored fields, as the application does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED",
        "--add-modules=jdk.incubator.vector"})
public class QueryBenchmark {

    private static final int QUERIES = 1024;

    @Param({"lucene", "opensearch"})
    public String index;

    private BenchIndex target;
    private float[][] vectors;
    private String[] texts;
    private SearchFilter oneDocument;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        target = BenchIndex.fresh(index);
        BenchData.batches(BenchData.chunks(42)).forEach(target.index::upsert);
        vectors = BenchData.queryVectors(7, QUERIES);
        texts = BenchData.queryTexts(7, QUERIES);
        oneDocument = SearchFilter.documents(BenchData.document(3).documentId());
        check(target.index.count(BenchData.SCOPE) == BenchData.CHUNKS, "index not filled");
        check(knn().size() == BenchData.K, "kNN did not return k hits");
        check(knnOneDocument().stream().allMatch(h -> h.document().equals(BenchData.document(3))), "filter ignored");
    }

    @TearDown(Level.Trial)
    public void drop() {
        target.close();
    }

    @Benchmark
    public List<IndexHit> knn() {
        return target.index.vectorSearch(BenchData.SCOPE, vectors[next++ & (QUERIES - 1)], BenchData.K,
                SearchFilter.none());
    }

    @Benchmark
    public List<IndexHit> knnOneDocument() {
        return target.index.vectorSearch(BenchData.SCOPE, vectors[next++ & (QUERIES - 1)], BenchData.K, oneDocument);
    }

    @Benchmark
    public List<IndexHit> bm25() {
        return target.index.textSearch(BenchData.SCOPE, texts[next++ & (QUERIES - 1)], BenchData.K,
                SearchFilter.none());
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("setup check failed: " + what);
        }
    }
}
