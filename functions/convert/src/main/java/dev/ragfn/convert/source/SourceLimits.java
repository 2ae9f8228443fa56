package dev.ragfn.convert.source;

import java.time.Duration;

/**
 * Bounds on what a source may hold, applied to every kind of source (directory, archive, clone).
 *
 * @param maxEntries     files and folders in the tree or archive
 * @param maxTotalBytes  bytes of all files together, counted as they are written, never trusted from headers
 * @param maxFileBytes   bytes of one file that analysis reads; larger files are listed but not read
 * @param cloneTimeout   wall-clock time a Git clone may take
 * @param regexTimeout   time one rule regex may run on one input before it is stopped
 */
public record SourceLimits(int maxEntries, long maxTotalBytes, long maxFileBytes, Duration cloneTimeout,
                           Duration regexTimeout) {

    public static SourceLimits defaults() {
        return new SourceLimits(20_000, 200L * 1024 * 1024, 1024 * 1024, Duration.ofSeconds(120), Duration.ofMillis(250));
    }
}
