package dev.ragfn.runtime.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses to start a server that anyone on the network could call as any tenant: {@code ragfn.auth.mode=none}
 * is for a laptop, where the HTTP server listens on loopback only (or not at all, as on Lambda).
 */
@ApplicationScoped
public class OpenBindGuard {

    void check(@Observes @Priority(1) StartupEvent started, AuthConfig auth, Config config) {
        String problem = problem(auth, config.getOptionalValue("quarkus.http.host-enabled", Boolean.class).orElse(true),
                config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0"));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Why this configuration must not start, or null. */
    static String problem(AuthConfig auth, boolean httpEnabled, String host) {
        if (auth.mode() == AuthConfig.Mode.OIDC) {
            return auth.issuer().filter(issuer -> !issuer.isBlank()).isPresent() ? null
                    : "ragfn.auth.mode=oidc needs the issuer: set RAGFN_AUTH_ISSUER (ragfn.auth.issuer), "
                    + "for example http://127.0.0.1:8180/realms/ragfn";
        }
        if (!httpEnabled || isLoopback(host)) {
            return null;
        }
        return "Refusing to listen on " + host + " without authentication: anyone who can reach it could act as any "
                + "tenant. Set RAGFN_AUTH_MODE=oidc (ragfn.auth.mode) with RAGFN_AUTH_ISSUER, or bind to loopback "
                + "only (QUARKUS_HTTP_HOST=127.0.0.1).";
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
