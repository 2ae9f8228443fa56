package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.runtime.net.AddressPolicy;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One clone or push under a {@link GitAccess}. Over http(s) it replaces JGit's connection factory
 * (which resolves host names itself) with {@link PinnedHttpConnection}s whose client resolves each
 * host once, through the {@link AddressPolicy}, and connects to exactly those addresses; JGit
 * follows redirects itself by asking this factory again, so every target is vetted too. Every
 * connect and read is bounded by the read timeout, and at the deadline all connections are
 * closed, which ends a read that is blocked on a silent server. A failure is reported in words of
 * our own: JGit's messages can quote what the server sent.
 */
public final class GitSession implements TransportConfigCallback, HttpConnectionFactory, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GitSession.class);

    /** One thread for every session's deadline; it only closes connections. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ragfn-git-deadline");
        thread.setDaemon(true);
        return thread;
    });

    /** The last HTTP answer: what an error message may say about the server. */
    private record Answer(String host, int status, String contentType) {
    }

    private final Optional<AddressPolicy> policy;
    private final boolean allowFileUrls;
    private final Duration readTimeout;
    private final Duration limit;
    private final Instant deadline;
    private final Map<String, InetAddress[]> vetted = new ConcurrentHashMap<>();
    private final Queue<HttpUriRequestBase> requests = new ConcurrentLinkedQueue<>();
    private final CloseableHttpClient http;
    private final ScheduledFuture<?> expiry;
    private volatile boolean expired;
    private volatile Answer lastAnswer;
    private volatile RagfnException refusal;

    GitSession(Optional<AddressPolicy> policy, boolean allowFileUrls, Duration readTimeout, Duration limit) {
        this.policy = policy;
        this.allowFileUrls = allowFileUrls;
        this.readTimeout = readTimeout;
        this.limit = limit;
        this.deadline = Instant.now().plus(limit);
        this.http = policy.isPresent() ? client() : null;
        this.expiry = policy.isPresent() ? DEADLINES.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS) : null;
    }

    private CloseableHttpClient client() {
        Timeout timeout = Timeout.of(readTimeout);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new VettedDns())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .disableRedirectHandling() // JGit follows redirects itself, through create(), so each target is vetted
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression() // JGit decodes gzip itself, as it does over HttpURLConnection
                .build();
    }

    /** Vets the host of the first URL as JGit reads it, so a refused one fails before JGit starts. */
    void admit(String url) {
        if (policy.isEmpty() || url.regionMatches(true, 0, "file:", 0, 5)) {
            return;
        }
        String host;
        try {
            host = new URIish(url).getHost();
        } catch (URISyntaxException e) {
            throw refuse(new InvalidInputException("Git URL '" + url + "' is not a URL Git can read", e));
        }
        if (host == null || host.isEmpty()) {
            throw refuse(new InvalidInputException("Git URL '" + url + "' has no host name Git can read"));
        }
        vet(host);
    }

    /** Whether the clone or push may go on: false once the deadline has passed. */
    public boolean withinDeadline() {
        return !expired && Instant.now().isBefore(deadline);
    }

    /** Bounds JGit's own socket reads, and puts the pinned factory under an http(s) transport. */
    @Override
    public void configure(Transport transport) {
        transport.setTimeout((int) Math.max(1, readTimeout.toSeconds()));
        if (policy.isEmpty()) {
            return;
        }
        if (transport instanceof TransportHttp httpTransport) {
            httpTransport.setHttpConnectionFactory(this);
            return;
        }
        String scheme = transport.getURI().getScheme();
        if (!(allowFileUrls && (scheme == null || scheme.equals("file")))) {
            throw refuse(new InvalidInputException("Git remote '" + transport.getURI().setPass(null)
                    + "' is not reached by this function: use an https:// URL"));
        }
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, Proxy.NO_PROXY);
    }

    /** Called for the first URL and for every redirect target: the host is vetted before any request. */
    @Override
    public HttpConnection create(URL url, Proxy ignored) throws IOException {
        String scheme = url.getProtocol().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refuse(new InvalidInputException("Git remote '" + url.getHost() + "' redirects to " + scheme
                    + "://, which is not reached by this function"));
        }
        vet(url.getHost());
        return new PinnedHttpConnection(this, url);
    }

    private InetAddress[] vet(String host) {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[(.*)]$", "$1");
        try {
            return vetted.computeIfAbsent(name, h -> policy.orElseThrow().vet(h).toArray(InetAddress[]::new));
        } catch (RagfnException e) {
            throw refuse(e);
        }
    }

    private RagfnException refuse(RagfnException e) {
        refusal = e;
        return e;
    }

    /** Sends one request; {@code readTimeoutMillis} is JGit's wish, never more than ours. */
    ClassicHttpResponse execute(HttpUriRequestBase request, int readTimeoutMillis) throws IOException {
        if (!withinDeadline()) {
            throw new SocketTimeoutException("the deadline of the Git operation has passed");
        }
        long read = readTimeoutMillis > 0 ? Math.min(readTimeoutMillis, readTimeout.toMillis()) : readTimeout.toMillis();
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(read)).build());
        requests.add(request);
        ClassicHttpResponse response = http.executeOpen(null, request, null);
        Header type = response.getFirstHeader("Content-Type");
        lastAnswer = new Answer(hostOf(request), response.getCode(), type == null ? null : type.getValue());
        return response;
    }

    private static String hostOf(HttpUriRequestBase request) {
        try {
            return request.getUri().getHost();
        } catch (URISyntaxException e) {
            return request.getRequestUri();
        }
    }

    /** Ends every request of this session: closing the sockets is what stops a blocked read. */
    private void expire() {
        expired = true;
        requests.forEach(HttpUriRequestBase::cancel);
        http.close(CloseMode.IMMEDIATE);
    }

    @Override
    public void close() {
        if (expiry != null) {
            expiry.cancel(false);
        }
        if (http != null) {
            http.close(CloseMode.IMMEDIATE);
        }
    }

    /**
     * The error to report for a failed clone or push, in words of our own.
     *
     * @param action what was attempted, such as "Cloning 'https://example.com/repo.git'"
     * @param url    the remote, for its host name
     * @param ref    the branch or tag asked for, if any
     */
    public RagfnException failure(String action, String url, Optional<String> ref, Throwable e) {
        LOG.debugf(e, "%s failed", action);
        RagfnException ours = refusal != null ? refusal : causeOf(e, RagfnException.class);
        if (ours != null) {
            return ours;
        }
        String host = hostOf(url);
        if (!withinDeadline() || causeOf(e, InterruptedIOException.class) != null) {
            return new StoreUnavailableException(action + " timed out: the Git server at " + host
                    + " did not answer in time (at most " + readTimeout.toSeconds() + " s for each read, "
                    + limit.toSeconds() + " s in all); retry later");
        }
        if (ref.isPresent() && isMissingRef(e, ref.get())) {
            return new InvalidInputException(action + " failed: the repository has no branch or tag '" + ref.get() + "'");
        }
        Answer answer = lastAnswer;
        if (answer != null && (answer.status() < 200 || answer.status() > 299)) {
            return answered(action, answer);
        }
        if (answer != null && (answer.contentType() == null || !answer.contentType().startsWith("application/x-git-"))) {
            return new InvalidInputException(action + " failed: the server at " + answer.host() + " answered HTTP "
                    + answer.status() + " with content type " + answer.contentType() + ", not as a Git repository");
        }
        return unanswered(action, url, host, e);
    }

    private static RagfnException answered(String action, Answer answer) {
        String what = action + " failed: the Git server at " + answer.host() + " answered HTTP " + answer.status();
        int status = answer.status();
        if (status == 404 || status == 410) {
            return new NotFoundException(what + ": check the repository URL");
        }
        if (status == 429 || status >= 500) {
            return new StoreUnavailableException(what + ": retry later");
        }
        if (status == 401 || status == 403) {
            return new InvalidInputException(what + ": the repository is not open to this function");
        }
        return new InvalidInputException(what);
    }

    private RagfnException unanswered(String action, String url, String host, Throwable e) {
        ConnectException refused = causeOf(e, ConnectException.class);
        if (refused != null) {
            return new StoreUnavailableException(action + " failed: could not connect to " + host + " ("
                    + refused.getMessage() + "); retry later or check the URL", e);
        }
        SSLException tls = causeOf(e, SSLException.class);
        if (tls != null) {
            return new InvalidInputException(action + " failed: TLS with " + host + " failed (" + tls.getMessage()
                    + "); the server needs a valid certificate for its name", e);
        }
        if (causeOf(e, UnknownHostException.class) != null) {
            return new InvalidInputException(action + " failed: host '" + host + "' could not be resolved; check the URL", e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        boolean local = policy.isEmpty() || url.regionMatches(true, 0, "file:", 0, 5);
        return new InvalidInputException(action + " failed: " + (local ? e.getMessage()
                : "the Git server at " + host + " did not complete it (" + root.getClass().getSimpleName() + ")"), e);
    }

    /** JGit's own words for a missing branch: built from our request, nothing the server sent. */
    private static boolean isMissingRef(Throwable e, String ref) {
        String missing = MessageFormat.format(JGitText.get().remoteBranchNotFound, ref);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (missing.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String url) {
        try {
            String host = new URIish(url).getHost();
            return host == null ? "this machine" : host;
        } catch (URISyntaxException e) {
            return "'" + url + "'";
        }
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Hands the client the addresses the policy vetted, so nothing is resolved twice. */
    private final class VettedDns implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) {
            return vet(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
