package dev.ragfn.runtime.auth;

import dev.ragfn.core.error.AccessDeniedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP permission {@code ragfn} (META-INF/microprofile-config.properties puts it on every path
 * but health and, in event-only functions, the event ingress): with {@code ragfn.auth.mode=oidc} a
 * request without a valid bearer token stops here with 401, before any function reads its body.
 * Tenants and roles are {@link Access}'s to judge, where the request's tenant is known.
 */
@ApplicationScoped
public class BearerTokenPolicy implements HttpSecurityPolicy {

    private final AuthConfig config;

    public BearerTokenPolicy(AuthConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "ragfn";
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext context) {
        if (config.mode() == AuthConfig.Mode.NONE) {
            return CheckResult.permit();
        }
        return identity.onItem().transformToUni(caller -> caller.isAnonymous()
                ? Uni.createFrom().failure(AccessDeniedException.unauthenticated(
                        "this needs a bearer token (Authorization: Bearer ...) from " + config.issuer().orElse("the issuer")))
                : CheckResult.permit());
    }
}
