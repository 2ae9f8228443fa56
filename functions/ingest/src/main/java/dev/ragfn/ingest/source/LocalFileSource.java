package dev.ragfn.ingest.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads {@code file:} URIs, in local mode only, and only under one root directory: a path that
 * leaves the root by {@code ..} or through a symlink is refused, and so is anything but a
 * regular file (devices, FIFOs, directories).
 */
public final class LocalFileSource implements DocumentSource {

    private final Path root;
    private final Path realRoot;
    private final long maxBytes;

    /**
     * @param root the only directory files may be read from; must exist
     * @param maxBytes the largest file accepted
     */
    public LocalFileSource(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Local source root " + root + " does not exist", e);
        }
        if (!Files.isDirectory(realRoot)) {
            throw new IllegalArgumentException("Local source root " + root + " is not a directory");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    @Override
    public SourceContent fetch(URI location) {
        Path file = resolveUnderRoot(location);
        // NOFOLLOW covers the last component only: whoever can write under the root could still swap
        // a parent directory for a symlink between the check and the open. Keep the root trusted.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            BoundedRead.checkDeclaredLength(Files.size(file), maxBytes, "File " + location);
            byte[] bytes = BoundedRead.readAtMost(in, maxBytes, "File " + location);
            return new SourceContent(bytes, null, file.getFileName().toString(), file.toUri().toString());
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not read file " + location + ": " + e.getMessage(), e);
        }
    }

    /** The real path of the file, after proving it stays inside the root. */
    private Path resolveUnderRoot(URI location) {
        Path requested;
        try {
            requested = Path.of(location).normalize();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("File location " + location
                    + " is not an absolute file URI: use file:///path/under/the/root", e);
        }
        // Checked before touching the disk, so answers do not reveal what exists outside the root.
        if (!requested.startsWith(root) && !requested.startsWith(realRoot)) {
            throw outsideRoot(location, "is outside");
        }
        Path real;
        try {
            real = requested.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NotFoundException("File " + location + " does not exist under the local root", e);
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not resolve file " + location + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(realRoot)) {
            throw outsideRoot(location, "resolves through a symlink to a path outside");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException("File location " + location + " is not a regular file: give a file path");
        }
        return real;
    }

    private InvalidInputException outsideRoot(URI location, String how) {
        return new InvalidInputException("File location " + location + " " + how + " the local root " + root
                + ": put the document under that directory");
    }
}
