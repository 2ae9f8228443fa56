package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.runtime.net.AddressPolicy;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Git remotes a conversion may reach. A deployed function reaches http(s) remotes only,
 * through a {@link GitSession} that holds every host, redirect targets included, to the shared
 * {@link AddressPolicy} and connects to the vetted address. ssh://, git:// and scp-style URLs are
 * refused there: their transports resolve host names on their own, past the policy. The command
 * line, run by an operator on their own machine and network, reaches any remote JGit supports.
 */
public final class GitAccess {

    /** The read timeout where none is configured, as ragfn.convert.git-read-timeout's default. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Optional<AddressPolicy> policy;
    private final boolean allowFileUrls;
    private final Duration readTimeout;

    private GitAccess(Optional<AddressPolicy> policy, boolean allowFileUrls, Duration readTimeout) {
        this.policy = policy;
        this.allowFileUrls = allowFileUrls;
        this.readTimeout = readTimeout;
    }

    /**
     * http(s) remotes on addresses the policy accepts, and file:// ones when local sources are allowed.
     *
     * @param readTimeout the longest wait to connect or for the next bytes from a server
     */
    public static GitAccess publicHttp(AddressPolicy policy, boolean allowFileUrls, Duration readTimeout) {
        return new GitAccess(Optional.of(policy), allowFileUrls, readTimeout);
    }

    /** Any remote and scheme JGit supports, for the command line. */
    public static GitAccess anyRemote(Duration readTimeout) {
        return new GitAccess(Optional.empty(), true, readTimeout);
    }

    /**
     * Opens a transport session for one clone or push of {@code url}, which gives up after
     * {@code limit}; a remote not reached here is refused before anything connects.
     */
    public GitSession open(String url, Duration limit) {
        String scheme = schemeOf(url);
        if (scheme.equals("file") && !allowFileUrls) {
            throw new InvalidInputException("file:// Git URLs are not accepted here: '" + url + "'");
        }
        if (policy.isPresent() && !scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw new InvalidInputException("Git URL '" + url + "' is not accepted here: use an https:// URL ("
                    + scheme + " remotes are not reached by this function)");
        }
        GitSession session = new GitSession(policy, allowFileUrls, readTimeout, limit);
        try {
            session.admit(url);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The scheme of a URL, or "scp-style" for {@code user@host:path}. */
    private static String schemeOf(String url) {
        int colon = url.indexOf("://");
        if (colon > 0) {
            return url.substring(0, colon).toLowerCase(Locale.ROOT);
        }
        return "scp-style";
    }
}
