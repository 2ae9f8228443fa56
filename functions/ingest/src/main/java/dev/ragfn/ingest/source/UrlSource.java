package dev.ragfn.ingest.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.runtime.net.AddressPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches http and https URLs through the {@link AddressPolicy}: every hop, redirects included,
 * is resolved, vetted and then connected to by vetted IP (see {@link PinnedHttpClient}).
 */
public final class UrlSource implements DocumentSource {

    private final AddressPolicy policy;
    private final long maxBytes;
    private final Duration totalTimeout;
    private final int maxRedirects;
    private final PinnedHttpClient http;

    /**
     * @param policy which addresses may be fetched from; {@link AddressPolicy#publicOnly()} in production
     * @param maxBytes the largest body accepted
     * @param connectTimeout the longest wait for one TCP connection
     * @param totalTimeout the longest a whole fetch may take, all redirects included
     * @param maxRedirects how many redirects are followed before giving up
     */
    public UrlSource(AddressPolicy policy, long maxBytes, Duration connectTimeout, Duration totalTimeout,
            int maxRedirects) {
        this(policy, maxBytes, connectTimeout, totalTimeout, maxRedirects, defaultTls());
    }

    UrlSource(AddressPolicy policy, long maxBytes, Duration connectTimeout, Duration totalTimeout,
            int maxRedirects, SSLSocketFactory tls) {
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.totalTimeout = totalTimeout;
        this.maxRedirects = maxRedirects;
        this.http = new PinnedHttpClient(tls, connectTimeout);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("http", "https");
    }

    @Override
    public SourceContent fetch(URI location) {
        Instant deadline = Instant.now().plus(totalTimeout);
        URI current = location;
        for (int redirects = 0; ; redirects++) {
            PinnedHttpClient.Reply reply = fetchOnce(checkUrl(current, location), deadline);
            if (!reply.isRedirect()) {
                return toContent(current, reply);
            }
            if (redirects == maxRedirects) {
                throw new InvalidInputException("URL " + location + " redirects more than " + maxRedirects
                        + " times: give the final URL instead");
            }
            current = nextHop(current, reply);
        }
    }

    private PinnedHttpClient.Reply fetchOnce(URI url, Instant deadline) {
        List<InetAddress> addresses = policy.vet(url.getHost());
        try {
            return http.get(url, addresses, deadline, maxBytes, "Document at " + url);
        } catch (SocketTimeoutException e) {
            throw new StoreUnavailableException("Fetching " + url + " timed out (limit " + totalTimeout.toMillis()
                    + " ms for the whole fetch): the server is too slow; retry later", e);
        } catch (SSLException e) {
            throw new InvalidInputException("TLS with " + url.getHost() + " failed: " + e.getMessage()
                    + "; the server needs a valid certificate for its name", e);
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not fetch " + url + ": " + e.getMessage()
                    + "; retry later or check that the server is up", e);
        }
    }

    /** Applied to the first URL and to every redirect target alike. */
    private URI checkUrl(URI url, URI original) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes().contains(scheme)) {
            throw new InvalidInputException("URL " + url + (url.equals(original) ? "" : " (redirected from " + original + ")")
                    + " is not http or https: only web URLs can be fetched");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new InvalidInputException("URL " + url + " has no host name: give an absolute URL");
        }
        return url;
    }

    private static URI nextHop(URI current, PinnedHttpClient.Reply reply) {
        String target = reply.header("location").orElseThrow(() -> new InvalidInputException(
                "URL " + current + " answered HTTP " + reply.status() + " without a Location header"));
        try {
            return current.resolve(URI.create(target.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("URL " + current + " redirects to an invalid URL '" + target + "'", e);
        }
    }

    private static SourceContent toContent(URI url, PinnedHttpClient.Reply reply) {
        int status = reply.status();
        if (status == 404 || status == 410) {
            throw new NotFoundException("URL " + url + " answered HTTP " + status + ": check that the document exists");
        }
        if (status == 429 || status >= 500) {
            throw new StoreUnavailableException("URL " + url + " answered HTTP " + status + ": retry later");
        }
        if (status < 200 || status > 299) {
            throw new InvalidInputException("URL " + url + " answered HTTP " + status
                    + ": the document must be publicly readable with a plain GET");
        }
        return new SourceContent(reply.body(), reply.header("content-type").orElse(null), lastSegment(url),
                url.normalize().toString());
    }

    private static String lastSegment(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isEmpty() ? url.getHost() : segment;
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no default TLS context", e);
        }
    }
}
