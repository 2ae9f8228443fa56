package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Lists the files of a source tree without following links: a link that points outside the tree
 * is refused, one that stays inside is skipped (its target is listed on its own). Version-control
 * and dependency folders are left out. Enforces the entry and size limits on every kind of source.
 */
public final class RepoWalker {

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target", "vendor", ".venv", "__pycache__");

    private final SourceLimits limits;

    public RepoWalker(SourceLimits limits) {
        this.limits = limits;
    }

    /** A file of the tree: its path relative to the root with '/' separators, and its size. */
    public record RepoFile(String path, long size) {
    }

    public List<RepoFile> walk(Path root) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException("Source folder '" + root + "' cannot be read: " + e.getMessage(), e);
        }
        List<RepoFile> files = new ArrayList<>();
        long[] totals = new long[2];
        try {
            Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(realRoot) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    count(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    count(file);
                    String rel = relative(realRoot, file);
                    if (attrs.isSymbolicLink()) {
                        Path target = file.getParent().resolve(Files.readSymbolicLink(file)).normalize();
                        if (!target.startsWith(realRoot)) {
                            throw new InvalidInputException("Link '" + rel + "' points outside the source ('"
                                    + Files.readSymbolicLink(file) + "')");
                        }
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        totals[1] += attrs.size();
                        if (totals[1] > limits.maxTotalBytes()) {
                            throw new TooLargeException("Source is larger than " + limits.maxTotalBytes()
                                    + " bytes (stopped at '" + rel + "')");
                        }
                        files.add(new RepoFile(rel, attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void count(Path p) {
                    if (++totals[0] > limits.maxEntries()) {
                        throw new TooLargeException("Source has more than " + limits.maxEntries()
                                + " files and folders (stopped at '" + relative(realRoot, p) + "')");
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list source folder " + root, e);
        }
        files.sort(Comparator.comparing(RepoFile::path));
        return files;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
