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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        List<Path> files = list(directory);
        long started = System.nanoTime();
        int indexed = 0;
        int unchanged = 0;
        long chunks = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String documentId = directory.relativize(file).toString();
            List<CloudEvent<?>> results = broker.publish(EventTypes.DOCUMENT_SUBMITTED, "/ragfn/cli",
                    Map.of(EventAttributes.TENANT, tenant, EventAttributes.KNOWLEDGE_BASE, knowledgeBase),
                    new SubmitDocument(tenant, knowledgeBase, documentId, null, null,
                            file.toAbsolutePath().toUri().toString(), null, List.of(), Map.of()));
            boolean done = false;
            for (CloudEvent<?> result : results) {
                if (result.data() instanceof DocumentIndexed ok) {
                    indexed++;
                    chunks += ok.chunkCount();
                    done = true;
                } else if (result.data() instanceof DocumentFailed failed) {
                    failures.add(documentId + ": " + failed.reason());
                    done = true;
                }
            }
            unchanged += done ? 0 : 1;
            progress(i + 1, files.size(), chunks, started);
        }
        err.println();
        Report report = new Report(files.size(), indexed, unchanged, failures, chunks,
                (System.nanoTime() - started) / 1e9);
        print(report, directory, tenant, knowledgeBase);
        return report;
    }

    private void progress(int done, int total, long chunks, long started) {
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
