package dev.ragfn.benchmarks;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.index.opensearch.OpenSearchVectorIndex;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;
import org.opensearch.client.opensearch.OpenSearchClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A fresh, empty index of one implementation, removed again on close: a new directory for Lucene
 * (persisted, as in production, not in memory), a new index name for OpenSearch.
 */
final class BenchIndex implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Held, so the level set below is not lost to garbage collection of the logger. */
    private static final Logger RAGFN_LOG = Logger.getLogger("dev.ragfn");

    static {
        // Keep JMH's iteration lines readable: no per-index INFO lines, no SLF4J "no provider" notice
        // (the OpenSearch client's HTTP layer logs through SLF4J; nothing here needs its output).
        RAGFN_LOG.setLevel(Level.WARNING);
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
    }

    final VectorIndex index;
    private final Runnable cleanup;

    private BenchIndex(VectorIndex index, Runnable cleanup) {
        this.index = index;
        this.cleanup = cleanup;
    }

    static BenchIndex fresh(String kind) {
        return switch (kind) {
            case "lucene" -> lucene();
            case "opensearch" -> openSearch();
            default -> throw new IllegalArgumentException("unknown index " + kind + "; use lucene or opensearch");
        };
    }

    private static BenchIndex lucene() {
        try {
            Path dir = Files.createTempDirectory("ragfn-bench-lucene-");
            return new BenchIndex(LuceneVectorIndex.open(dir, BenchData.DIMENSION), () -> deleteTree(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RAGFN_OPENSEARCH_URL points at a server of your own; otherwise infra/opensearch.sh's server is
     * reused, or started for this JVM (found from the working directory: run from the repository).
     */
    private static BenchIndex openSearch() {
        String url = System.getenv().getOrDefault("RAGFN_OPENSEARCH_URL", "");
        String name = "ragfn-bench-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
        if (url.isBlank()) {
            try {
                url = InfraServer.openSearch();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "; run the benchmarks from inside the repository, "
                        + "or set RAGFN_OPENSEARCH_URL to a running OpenSearch", e);
            }
        }
        RagfnConfig.OpenSearch config = TestConfig.of(Map.of(
                "ragfn.opensearch.url", url,
                "ragfn.opensearch.index-name", name)).opensearch();
        OpenSearchVectorIndex index = OpenSearchVectorIndex.create(config, BenchData.DIMENSION);
        return new BenchIndex(index, () -> {
            OpenSearchClient admin = OpenSearchVectorIndex.client(config);
            try {
                admin.indices().delete(d -> d.index(name));
                admin._transport().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        index.close();
        cleanup.run();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
