package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.core.error.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a generated pattern to a folder or a zip, the same bytes in the same order every time. */
public final class PatternFiles {

    /** Zip entries carry this time instead of the clock, so the archive is reproducible. */
    private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, the earliest time a zip can hold

    private PatternFiles() {
    }

    /** Writes into {@code dir}, which must be missing or empty. */
    public static void writeTo(GeneratedPattern pattern, Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new InvalidInputException("Output folder '" + dir + "' is not empty");
                    }
                }
            }
            for (Map.Entry<String, byte[]> file : pattern.files().entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                if (file.getKey().endsWith(".sh")) {
                    try {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } catch (UnsupportedOperationException e) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the pattern to " + dir, e);
        }
    }

    public static byte[] zip(GeneratedPattern pattern) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : pattern.files().entrySet()) {
                ZipEntry entry = new ZipEntry(pattern.name() + "/" + file.getKey());
                entry.setTime(FIXED_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to zip the pattern " + pattern.name(), e);
        }
        return bytes.toByteArray();
    }
}
