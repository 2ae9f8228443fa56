package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Extracts tar.gz and zip archives without trusting them: no absolute paths, no path traversal,
 * no links (links that stay inside are skipped and reported, links that leave are refused), a
 * bounded entry count, and a bounded total size counted on the bytes actually written.
 */
public final class ArchiveExtractor {

    private final SourceLimits limits;

    public ArchiveExtractor(SourceLimits limits) {
        this.limits = limits;
    }

    public static boolean isArchive(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".zip") || n.endsWith(".tar.gz") || n.endsWith(".tgz");
    }

    /** Extracts {@code archive} into the empty folder {@code target}; returns the links it skipped. */
    public List<String> extract(Path archive, Path target) {
        String n = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        Budget budget = new Budget(archive.getFileName().toString());
        try {
            if (n.endsWith(".zip")) {
                extractZip(archive, target.toRealPath(), budget);
            } else if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
                extractTarGz(archive, target.toRealPath(), budget);
            } else {
                throw new InvalidInputException("Unsupported archive '" + archive.getFileName() + "': expected .zip, .tar.gz or .tgz");
            }
        } catch (IOException e) {
            throw new InvalidInputException("Failed to read archive '" + archive.getFileName() + "': " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(budget.skippedLinks);
    }

    private void extractZip(Path archive, Path root, Budget budget) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            var entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                budget.countEntry(entry.getName());
                Path dest = safeTarget(root, entry.getName());
                if (entry.isUnixSymlink()) {
                    budget.checkLink(root, dest, entry.getName(), zip.getUnixSymlink(entry));
                } else if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        write(in, dest, entry.getName(), budget);
                    }
                }
            }
        }
    }

    private void extractTarGz(Path archive, Path root, Budget budget) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                budget.countEntry(entry.getName());
                Path dest = safeTarget(root, entry.getName());
                if (entry.isSymbolicLink() || entry.isLink()) {
                    budget.checkLink(root, dest, entry.getName(), entry.getLinkName());
                } else if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                } else if (entry.isFile()) {
                    write(tar, dest, entry.getName(), budget);
                } else {
                    throw new InvalidInputException("Archive entry '" + entry.getName() + "' is a device, fifo or other special file");
                }
            }
        }
    }

    static Path safeTarget(Path root, String name) {
        String n = name.replace('\\', '/');
        if (n.isEmpty() || n.indexOf('\0') >= 0) {
            throw new InvalidInputException("Archive entry '" + name + "' has an empty or invalid name");
        }
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw new InvalidInputException("Archive entry '" + name + "' has an absolute path");
        }
        Path dest = root.resolve(n).normalize();
        if (!dest.startsWith(root)) {
            throw new InvalidInputException("Archive entry '" + name + "' escapes the extraction folder (path traversal)");
        }
        return dest;
    }

    private void write(InputStream in, Path dest, String name, Budget budget) throws IOException {
        Files.createDirectories(dest.getParent());
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(dest)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                budget.countBytes(name, read);
                out.write(buffer, 0, read);
            }
        }
    }

    private final class Budget {
        private final String archive;
        private final List<String> skippedLinks = new ArrayList<>();
        private int entries;
        private long bytes;

        Budget(String archive) {
            this.archive = archive;
        }

        void countEntry(String name) {
            if (++entries > limits.maxEntries()) {
                throw new TooLargeException("Archive '" + archive + "' has more than " + limits.maxEntries()
                        + " entries (stopped at '" + name + "')");
            }
        }

        void countBytes(String name, int n) {
            bytes += n;
            if (bytes > limits.maxTotalBytes()) {
                throw new TooLargeException("Archive '" + archive + "' expands to more than " + limits.maxTotalBytes()
                        + " bytes (stopped at entry '" + name + "')");
            }
        }

        /** Links are never created: one that points outside is refused, one that stays inside is skipped. */
        void checkLink(Path root, Path dest, String name, String linkTarget) {
            if (linkTarget == null || linkTarget.isEmpty()) {
                throw new InvalidInputException("Archive entry '" + name + "' is a link without a target");
            }
            String t = linkTarget.replace('\\', '/');
            Path resolved = dest.getParent().resolve(t).normalize();
            if (t.startsWith("/") || t.matches("^[A-Za-z]:.*") || !resolved.startsWith(root)) {
                throw new InvalidInputException("Archive entry '" + name + "' is a link to '" + linkTarget
                        + "', outside the archive");
            }
            skippedLinks.add(name);
        }
    }
}
