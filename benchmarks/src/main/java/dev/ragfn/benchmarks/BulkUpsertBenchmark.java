package dev.ragfn.benchmarks;

import dev.ragfn.core.port.IndexedChunk;
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
 * Time to upsert 10,000 chunks, in batches of 500, into a fresh empty index: each call returns
 * only once its batch is searchable (a Lucene commit, an OpenSearch bulk with refresh). One
 * measured operation = all 10,000; vectors/s = 10,000 / (score in s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED",
        "--add-modules=jdk.incubator.vector"})
public class BulkUpsertBenchmark {

    @Param({"lucene", "opensearch"})
    public String index;

    private List<List<IndexedChunk>> batches;
    private BenchIndex target;

    @Setup(Level.Trial)
    public void data() {
        batches = BenchData.batches(BenchData.chunks(42));
    }

    @Setup(Level.Iteration)
    public void freshIndex() {
        target = BenchIndex.fresh(index);
    }

    @Benchmark
    public long upsert10k() {
        for (List<IndexedChunk> batch : batches) {
            target.index.upsert(batch);
        }
        return batches.size();
    }

    @TearDown(Level.Iteration)
    public void dropIndex() {
        long count = target.index.count(BenchData.SCOPE);
        target.close();
        if (count != BenchData.CHUNKS) {
            throw new IllegalStateException("index holds " + count + " chunks after the upsert, expected "
                    + BenchData.CHUNKS);
        }
    }
}
