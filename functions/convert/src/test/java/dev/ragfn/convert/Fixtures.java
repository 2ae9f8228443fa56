package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.rules.RuleLoader;
import dev.ragfn.convert.source.SourceLimits;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Sample repositories under src/test/resources/repos and helpers to convert them. */
final class Fixtures {

    private Fixtures() {
    }

    static Path repo(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/repos/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PatternConverter converter() {
        SourceLimits limits = SourceLimits.defaults();
        return new PatternConverter(limits, new RuleLoader(limits.regexTimeout()).loadBundled(), true);
    }

    static GeneratedPattern convert(String repo) {
        return converter().convert(repo(repo).toString(), Optional.empty(), Optional.empty());
    }

    /** Every file under {@code dir} by relative path, for byte-for-byte comparison. */
    static SortedMap<String, String> tree(Path dir) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Copies a fixture into {@code target} (for building archives and Git repositories from it). */
    static void copy(Path from, Path target) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path t = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Zips the files of {@code repo} (sorted, relative paths) into {@code zip}. */
    static Path zip(Path repo, Path zip) {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip); Stream<Path> files = Files.walk(repo)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putArchiveEntry(new ZipArchiveEntry(repo.relativize(p).toString()));
                out.write(Files.readAllBytes(p));
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    /** Writes the files of {@code repo} into the tar.gz {@code tar}, each entry name starting with {@code prefix}. */
    static Path tarGz(Path repo, Path tar, String prefix) {
        try (OutputStream file = Files.newOutputStream(tar);
             TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(file));
             Stream<Path> files = Files.walk(repo)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putArchiveEntry(new TarArchiveEntry(p.toFile(), prefix + repo.relativize(p)));
                out.write(Files.readAllBytes(p));
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tar;
    }
}
