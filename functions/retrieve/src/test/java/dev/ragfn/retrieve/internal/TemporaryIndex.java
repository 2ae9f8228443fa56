package dev.ragfn.retrieve.internal;

import dev.ragfn.index.lucene.LuceneVectorIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** An embedded index on disk, as production uses it, in a temporary directory deleted on close. */
public final class TemporaryIndex implements AutoCloseable {

    private final Path directory;
    private final LuceneVectorIndex index;

    public TemporaryIndex(int dimension) {
        try {
            this.directory = Files.createTempDirectory("ragfn-retrieve");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary index directory: " + e.getMessage(), e);
        }
        this.index = LuceneVectorIndex.open(directory, dimension);
    }

    public LuceneVectorIndex index() {
        return index;
    }

    @Override
    public void close() {
        index.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to delete " + directory + ": " + e.getMessage(), e);
        }
    }
}
