package dev.ragfn.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.error.AccessDeniedException;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.json.Json;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * The one place that decides who a request acts for. With {@code ragfn.auth.mode=none} every caller
 * is the anonymous user of the tenant the request names, as before identity existed. With
 * {@code oidc} the validated token decides: the request may name only the token's tenant, and the
 * token must grant the role. Events that reach a function through its cluster-local ingress
 * ({@code POST /}, opened only on event-only functions) and in-process calls without an HTTP
 * request (schedules) carry the platform's word for the tenant.
 */
@ApplicationScoped
public class Access {

    private final AuthConfig config;
    private final CallerClaims claims;

    public Access(AuthConfig config) {
        this.config = config;
        this.claims = new CallerClaims(config);
    }

    /**
     * The caller, allowed to act as {@code role} for the tenant the request names; a null tenant means
     * the caller's own. The caller's tenant is the effective one. Throws {@link AccessDeniedException}.
     */
    public Caller require(Role role, String requestedTenant) {
        if (config.mode() == AuthConfig.Mode.NONE || !Arc.container().requestContext().isActive()) {
            return Caller.anonymous(requestedTenant);
        }
        SecurityIdentity identity = identity();
        TokenCredential token = identity == null ? null : identity.getCredential(TokenCredential.class);
        if (token == null) {
            RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
            if (request == null || isEventIngress(request)) {
                return Caller.anonymous(requestedTenant);
            }
            throw AccessDeniedException.unauthenticated("this needs a bearer token (Authorization: Bearer ...) from "
                    + config.issuer().orElse("the configured issuer"));
        }
        Caller caller = claims.caller(payload(token.getToken()));
        if (!caller.has(role)) {
            throw AccessDeniedException.forbidden("this needs the role " + role.label() + "; the token grants "
                    + (caller.roles().isEmpty() ? "none"
                    : caller.roles().stream().map(Role::label).sorted().collect(Collectors.joining(", "))));
        }
        if (requestedTenant != null && !requestedTenant.equals(caller.tenant())) {
            throw AccessDeniedException.forbidden("the request names tenant " + requestedTenant
                    + " but the token's tenant is " + caller.tenant() + "; a caller acts only for its own tenant");
        }
        return caller;
    }

    /** Who may publish an event of {@code type} to the broker: requests for conversions and summaries are an admin's. */
    public static Role toPublish(String type) {
        return EventTypes.CONVERSION_REQUESTED.equals(type) || EventTypes.SUMMARY_REQUESTED.equals(type)
                ? Role.ADMIN : Role.EDITOR;
    }

    /** The identity quarkus-oidc established for this request, as JAX-RS and Funqy both hand it on. */
    private static SecurityIdentity identity() {
        InstanceHandle<CurrentIdentityAssociation> association = Arc.container().instance(CurrentIdentityAssociation.class);
        return association.isAvailable() ? association.get().getIdentity() : null;
    }

    private static boolean isEventIngress(RoutingContext request) {
        return request.request().method() == HttpMethod.POST && "/".equals(request.normalizedPath());
    }

    /** The claims of a token quarkus-oidc has already validated (signature, issuer, audience, expiry). */
    private static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | RuntimeException e) {
            throw AccessDeniedException.unauthenticated("the bearer token is not a JWT whose claims can be read");
        }
    }
}
