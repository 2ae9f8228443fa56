package dev.ragfn.bundle.cli;

import dev.ragfn.bundle.broker.LocalBroker;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.event.DocumentFailed;
import dev.ragfn.core.event.DocumentIndexed;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.ingest.SubmitDocument;
import io.quarkus.funqy.knative.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Ingests every supported file under a directory through the same event chain the platform runs
 * (document.submitted, then chunks.ready, then document.indexed), with a progress bar and a report.
 */
@ApplicationScoped
public class BulkIngest {

    private static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "html", "htm", "pdf", "docx");

    private final LocalBroker broker;
    private final PrintStream err = System.err;

    public BulkIngest(LocalBroker broker) {
        this.broker = broker;
    }

    /** What a bulk run did; failures carry the reason the pipeline gave. */
    public record Report(int files, int indexed, int unchanged, List<String> failures, long chunks, double seconds) {
        public int exitCode() {
            return failures.isEmpty() ? 0 : 1;
        }
    }

    public Report run(Path directory, String tenant, String knowledgeBase) {
        return run(directory, tenant, knowledgeBase, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Submits files from {@code parallelism} threads: each document's chain is sequential, so
     * documents in flight side by side keep every core busy, as concurrent requests do on Knative.
     */
    public Report run(Path directory, String tenant, String knowledgeBase, int parallelism) {
        List<Path> files = list(directory);
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger indexed = new AtomicInteger();
        AtomicLong chunks = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Path file : files) {
                pending.add(pool.submit(() -> {
                    String documentId = directory.relativize(file).toString();
                    for (CloudEvent<?> result : submit(file, documentId, tenant, knowledgeBase)) {
                        if (result.data() instanceof DocumentIndexed ok) {
                            indexed.incrementAndGet();
                            chunks.addAndGet(ok.chunkCount());
                        } else if (result.data() instanceof DocumentFailed failed) {
                            failures.add(documentId + ": " + failed.reason());
                        }
                    }
                    progress(done.incrementAndGet(), files.size(), chunks.get(), started);
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting " + directory, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        err.println();
        List<String> sortedFailures = failures.stream().sorted().toList();
        int unchanged = files.size() - indexed.get() - sortedFailures.size();
        Report report = new Report(files.size(), indexed.get(), unchanged, sortedFailures, chunks.get(),
                (System.nanoTime() - started) / 1e9);
        print(report, directory, tenant, knowledgeBase);
        return report;
    }

    private List<CloudEvent<?>> submit(Path file, String documentId, String tenant, String knowledgeBase) {
        return broker.publish(EventTypes.DOCUMENT_SUBMITTED, "/ragfn/cli",
                Map.of(EventAttributes.TENANT, tenant, EventAttributes.KNOWLEDGE_BASE, knowledgeBase),
                new SubmitDocument(tenant, knowledgeBase, documentId, null, null,
                        file.toAbsolutePath().toUri().toString(), null, List.of(), Map.of()));
    }

    private synchronized void progress(int done, int total, long chunks, long started) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d files, %d chunks, %.1f files/s", "#".repeat(filled),
                ".".repeat(width - filled), done, total, chunks, done / seconds);
    }

    private void print(Report r, Path directory, String tenant, String kb) {
        System.out.printf(Locale.ROOT, "Ingested %s into %s/%s: %d files, %d indexed, %d unchanged, %d failed, "
                        + "%d chunks in %.1f s (%.1f files/s, %.1f chunks/s)%n",
                directory, tenant, kb, r.files(), r.indexed(), r.unchanged(), r.failures().size(), r.chunks(),
                r.seconds(), r.files() / Math.max(r.seconds(), 1e-3), r.chunks() / Math.max(r.seconds(), 1e-3));
        r.failures().forEach(f -> System.out.println("  failed: " + f));
    }

    private static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException(directory + " is not a directory");
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(BulkIngest::supported).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list " + directory, e);
        }
    }

    private static boolean supported(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
