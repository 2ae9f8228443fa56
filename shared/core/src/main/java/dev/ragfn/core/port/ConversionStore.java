package dev.ragfn.core.port;

import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.error.NotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a tenant's conversions live (DynamoDB in the cloud, an embedded store on a laptop): each
 * request's status, and once done its report (the pattern's conversion-report.json) and the pattern
 * as a zip. Every method takes the tenant, so another tenant's conversion id is simply not there.
 * Requests and starts are idempotent: a redelivered request finds the conversion it made the first
 * time, and only one delivery at a time can start it.
 */
public interface ConversionStore extends AutoCloseable {

    /**
     * Stores {@code requested} unless a conversion with its id exists in its tenant, and returns the one
     * stored afterwards: the given one (as version 1), or the one that was there first.
     */
    Conversion submit(Conversion requested);

    Optional<Conversion> find(String tenant, String id);

    /**
     * The tenant's conversions, newest first; {@code after} is the previous page's {@code next} (a
     * {@link ConversionPage#cursor}), or null for the first. A cursor is a place in the order, so the page
     * after one whose conversion is not in this tenant starts where it would be.
     */
    ConversionPage list(String tenant, String after, int limit);

    /**
     * Marks the conversion RUNNING from {@code now} and returns it, if it may start: it is REQUESTED or
     * FAILED (a retry), or RUNNING since before {@code now - stale} (a delivery that died). Empty when it
     * is DONE or another delivery is running it; a {@link NotFoundException} when there is none.
     */
    Optional<Conversion> start(String tenant, String id, Instant now, Duration stale);

    /** Stores the report and the pattern, then marks the conversion DONE, so DONE is never seen without them. */
    Conversion finish(String tenant, String id, String patternName, String reportJson, byte[] patternZip, Instant now);

    /** Marks the conversion FAILED with the reason. */
    Conversion fail(String tenant, String id, String reason, Instant now);

    /** The report of a DONE conversion (JSON). */
    Optional<String> report(String tenant, String id);

    /** The pattern of a DONE conversion, as a zip. */
    Optional<byte[]> patternZip(String tenant, String id);

    @Override
    void close();

    static NotFoundException unknown(String tenant, String id) {
        return new NotFoundException("conversion " + id + " does not exist in tenant " + tenant);
    }

    /** Whether a delivery may start {@code conversion} at {@code now} (see {@link #start}). */
    static boolean startable(Conversion conversion, Instant now, Duration stale) {
        return switch (conversion.status()) {
            case REQUESTED, FAILED -> true;
            case RUNNING -> conversion.startedAt() == null || conversion.startedAt().isBefore(now.minus(stale));
            case DONE -> false;
        };
    }
}
