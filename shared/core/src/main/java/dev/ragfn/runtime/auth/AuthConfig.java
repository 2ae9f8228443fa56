package dev.ragfn.runtime.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Who may call ragfn's HTTP entry points. {@link AuthConfigInterceptor} hands the issuer, audience
 * and clock skew to quarkus-oidc, which validates the tokens; {@link CallerClaims} reads the caller
 * from them.
 */
@ConfigMapping(prefix = "ragfn.auth")
public interface AuthConfig {

    /** none (every caller acts as the tenant it names; only on a loopback address) or oidc (a bearer token from the issuer decides the tenant). */
    @WithDefault("none")
    Mode mode();

    /** OIDC issuer URL, whose discovery document and keys validate the tokens (for example http://127.0.0.1:8180/realms/ragfn); required for mode oidc. */
    Optional<String> issuer();

    /** The audience (aud) a token must carry. */
    @WithDefault("ragfn-api")
    String audience();

    /** Claim holding the caller's tenant: a string, or an array (such as groups) whose entry carries the tenant prefix. */
    @WithDefault("tenant")
    String tenantClaim();

    /** Prefix of the tenant entry in an array tenant claim (such as tenant-), stripped to give the tenant; unset takes the entry as it is. */
    Optional<String> tenantPrefix();

    /** Claim holding the caller's roles (reader, editor, admin); a dotted path reaches into objects, such as realm_access.roles. */
    @WithDefault("roles")
    String rolesClaim();

    /** Claim naming the user, who owns the chat sessions they start. */
    @WithDefault("sub")
    String userClaim();

    /** How far a token's expiry and issue time may be off the local clock. */
    @WithDefault("30s")
    Duration clockSkew();

    enum Mode { NONE, OIDC }
}
