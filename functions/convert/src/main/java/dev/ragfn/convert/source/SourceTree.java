package dev.ragfn.convert.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A source repository laid out on local disk, ready for analysis.
 *
 * @param root      the folder to analyse
 * @param name      a name for the pattern, derived from the source (folder, archive or repository name)
 * @param repoUrl   the Git URL when the source was cloned
 * @param temporary whether {@link #close()} deletes {@code workDir} (extracted or cloned sources)
 * @param workDir   the folder the source was extracted or cloned into; {@code root} is it or a folder inside
 */
public record SourceTree(Path root, String name, Optional<String> repoUrl, boolean temporary, Path workDir) implements AutoCloseable {

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to delete temporary source " + workDir, e);
        }
    }
}
