package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.s3.S3Location;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a source reference (a Git URL, an {@code s3://bucket/key} archive, an archive file or a folder)
 * into a {@link SourceTree}.
 */
public final class SourceResolver {

    private final ArchiveExtractor extractor;
    private final GitCloner cloner;
    private final boolean allowLocal;
    private final Optional<S3Source> s3;

    /**
     * @param allowLocal whether local folders, archives and file:// URLs are accepted (the CLI and
     *                   tests); a deployed function takes only remote Git URLs unless configured
     * @param s3         the client that reads s3:// sources; without one they are refused
     * @param git        the Git remotes a source may name
     */
    public SourceResolver(SourceLimits limits, boolean allowLocal, Optional<S3Client> s3, GitAccess git) {
        this.extractor = new ArchiveExtractor(limits);
        this.cloner = new GitCloner(limits, git);
        this.allowLocal = allowLocal;
        this.s3 = s3.map(client -> new S3Source(client, limits));
    }

    public SourceTree resolve(String source, Optional<String> ref) {
        if (source == null || source.isBlank()) {
            throw new InvalidInputException("source is required: a Git URL, an archive (.zip, .tar.gz) or a folder");
        }
        if (S3Source.isS3Url(source)) {
            return fromS3(source);
        }
        if (GitCloner.isGitUrl(source)) {
            Path dir = tempDir("clone");
            try {
                cloner.cloneInto(source, ref, dir);
            } catch (RuntimeException e) {
                new SourceTree(dir, "", Optional.empty(), true, dir).close();
                throw e;
            }
            return new SourceTree(dir, nameOf(source), Optional.of(source), true, dir);
        }
        if (!allowLocal) {
            throw new InvalidInputException("Only Git URLs are accepted as source here, not '" + source + "'");
        }
        Path path = Path.of(source);
        if (!Files.exists(path)) {
            throw new NotFoundException("Source '" + source + "' does not exist");
        }
        if (Files.isDirectory(path)) {
            return new SourceTree(path, nameOf(path.toAbsolutePath().normalize().getFileName().toString()), Optional.empty(), false, path);
        }
        if (ArchiveExtractor.isArchive(path)) {
            Path dir = tempDir("archive");
            try {
                extractor.extract(path, dir);
            } catch (RuntimeException e) {
                new SourceTree(dir, "", Optional.empty(), true, dir).close();
                throw e;
            }
            return new SourceTree(singleTopFolder(dir), nameOf(path.getFileName().toString()), Optional.empty(), true, dir);
        }
        throw new InvalidInputException("Source '" + source + "' is neither a folder, a .zip/.tar.gz archive nor a Git URL");
    }

    /** Downloads the archive into {@code <work>/download}, extracts it into {@code <work>/tree}, drops the download. */
    private SourceTree fromS3(String source) {
        S3Source reader = s3.orElseThrow(() -> new InvalidInputException(
                "S3 sources are not enabled here (set ragfn.convert.s3-region): '" + source + "'"));
        S3Source.archiveSuffix(S3Location.parse(source));
        Path work = tempDir("s3");
        try {
            Path download = Files.createDirectory(work.resolve("download"));
            Path tree = Files.createDirectory(work.resolve("tree"));
            Path archive = reader.download(source, download);
            extractor.extract(archive, tree);
            Files.delete(archive);
            return new SourceTree(singleTopFolder(tree), nameOf(source), Optional.empty(), true, work);
        } catch (IOException e) {
            new SourceTree(work, "", Optional.empty(), true, work).close();
            throw new UncheckedIOException("Failed to prepare a folder for " + source, e);
        } catch (RuntimeException e) {
            new SourceTree(work, "", Optional.empty(), true, work).close();
            throw e;
        }
    }

    /** The last path segment without archive or .git suffixes. */
    static String nameOf(String source) {
        String s = source.replaceAll("[/\\\\]+$", "");
        s = s.substring(Math.max(s.lastIndexOf('/'), Math.max(s.lastIndexOf('\\'), s.lastIndexOf(':'))) + 1);
        for (String suffix : new String[] {".tar.gz", ".tgz", ".zip", ".git"}) {
            if (s.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }

    /** Archives often wrap the repository in one top folder (name-1.0/...); analyse inside it. */
    private static Path singleTopFolder(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> top = entries.toList();
            return top.size() == 1 && Files.isDirectory(top.get(0), LinkOption.NOFOLLOW_LINKS) ? top.get(0) : dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list extracted archive " + dir, e);
        }
    }

    private static Path tempDir(String kind) {
        try {
            return Files.createTempDirectory("ragfn-convert-" + kind + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary folder", e);
        }
    }
}
