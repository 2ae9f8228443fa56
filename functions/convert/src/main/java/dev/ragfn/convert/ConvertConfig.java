package dev.ragfn.convert;

import dev.ragfn.convert.source.SourceLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the convert function; README's table lists them. */
@ConfigMapping(prefix = "ragfn.convert")
public interface ConvertConfig {

    /** Folder that receives one sub-folder per converted pattern. */
    @WithDefault(".ragfn/patterns")
    Path outputDir();

    /** Folder of extra rule files (*.yaml) that add to or replace the shipped rules; unset means shipped rules only. */
    Optional<Path> rulesDir();

    /** Accept local folders, archives and file:// Git URLs as sources; off for a deployed function. */
    @WithDefault("false")
    boolean allowLocalSources();

    /** Allow requests to push the pattern as a new branch of a Git repository (credentials from RAGFN_CONVERT_GIT_TOKEN). */
    @WithDefault("false")
    boolean pushEnabled();

    /** AWS region of the S3 client that reads {@code s3://bucket/key} archives; unset means S3 sources are refused. */
    Optional<String> s3Region();

    /** Endpoint of an S3-compatible store (path-style addressing); unset means the AWS endpoint of the region. */
    Optional<URI> s3Endpoint();

    /** Most files and folders a source may hold. */
    @WithDefault("20000")
    int maxEntries();

    /** Most bytes a source may hold once extracted or cloned. */
    @WithDefault("209715200")
    long maxTotalBytes();

    /** Largest file that analysis reads; larger ones are listed in the report but not read. */
    @WithDefault("1048576")
    long maxFileBytes();

    /** Longest a Git clone may take. */
    @WithDefault("120s")
    Duration cloneTimeout();

    /** Longest a Git transport waits to connect or for the next bytes from the server. */
    @WithDefault("30s")
    Duration gitReadTimeout();

    /** Most conversions that run at once; one more is refused with HTTP 503 (retryable) until one ends. */
    @WithDefault("2")
    int maxConcurrent();

    /** Longest one rule regex may run on one input. */
    @WithDefault("250ms")
    Duration regexTimeout();

    /** Tenant of conversions whose request names none (no tenant extension, no tenant in the data, no token). */
    @WithDefault("default")
    String tenant();

    /** How long a conversion may stay RUNNING before a redelivered request starts it again, taking its first run for dead. */
    @WithDefault("15m")
    Duration restartAfter();

    default SourceLimits limits() {
        return new SourceLimits(maxEntries(), maxTotalBytes(), maxFileBytes(), cloneTimeout(), regexTimeout());
    }
}
