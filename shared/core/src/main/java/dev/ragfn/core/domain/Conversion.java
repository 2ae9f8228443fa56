package dev.ragfn.core.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/**
 * One conversion of a source repository into a Validated Pattern, as a tenant follows it: what was
 * asked ({@code source}, {@code ref}, {@code name}), where it stands, and when. The report and the
 * pattern's files are kept beside it in the store, read on their own. {@code version} is the store's:
 * every change gets a higher one, so two deliveries of one request cannot both start it.
 *
 * @param source  the repository as requested, without credentials
 * @param pattern the generated pattern's name, once done
 * @param reason  why it failed, when it did
 */
public record Conversion(String tenant, String id, String source, String ref, String name, Status status,
                         String reason, String pattern, Instant createdAt, Instant startedAt, Instant finishedAt,
                         long version) {

    public enum Status {
        /** Submitted, not yet picked up by convert. */
        REQUESTED,
        /** convert is working on it. */
        RUNNING,
        /** The report and the pattern are stored. */
        DONE,
        /** It failed; {@code reason} says why. */
        FAILED
    }

    public Conversion {
        Ids.name("tenant", tenant);
        Ids.name("conversion id", id);
        Ids.required("source", source);
        Ids.required("status", status);
        Ids.required("createdAt", createdAt);
    }

    /** A new request, not yet stored. */
    public static Conversion requested(String tenant, String id, String source, String ref, String name, Instant at) {
        return new Conversion(tenant, id, withoutCredentials(source), ref, name, Status.REQUESTED, null, null, at, null,
                null, 0);
    }

    public Conversion running(Instant at) {
        return new Conversion(tenant, id, source, ref, name, Status.RUNNING, null, null, createdAt, at, null, version);
    }

    public Conversion done(String patternName, Instant at) {
        return new Conversion(tenant, id, source, ref, name, Status.DONE, null, patternName, createdAt, startedAt, at,
                version);
    }

    public Conversion failed(String why, Instant at) {
        return new Conversion(tenant, id, source, ref, name, Status.FAILED, why, null, createdAt, startedAt, at, version);
    }

    public Conversion withVersion(long next) {
        return new Conversion(tenant, id, source, ref, name, status, reason, pattern, createdAt, startedAt, finishedAt,
                next);
    }

    /** Whether it has ended, either way. */
    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    /**
     * The URL without a user name or password, so a token that a sender put into a Git URL is not kept
     * and shown to every admin of the tenant; other sources (paths, s3://) are kept as they are.
     */
    public static String withoutCredentials(String source) {
        if (source == null || !source.contains("@") || !source.contains("://")) {
            return source;
        }
        try {
            URI uri = new URI(source);
            if (uri.getRawUserInfo() == null) {
                return source;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return source.replaceFirst("://[^/@]*@", "://");
        }
    }
}
