package dev.ragfn.api;

import dev.ragfn.runtime.auth.AuthConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How a browser signs in before it calls the API: the web console reads this first, without a token
 * (application.properties opens it), and starts the authorization-code flow when identity is on.
 */
@Path("/api/identity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class IdentityResource {

    private final AuthConfig auth;
    private final ApiConfig api;

    public IdentityResource(AuthConfig auth, ApiConfig api) {
        this.auth = auth;
        this.api = api;
    }

    /**
     * @param mode     none (no sign-in: each call names its tenant) or oidc
     * @param issuer   where to sign in, with mode oidc
     * @param clientId the public client the console signs in as, with mode oidc
     */
    public record Identity(String mode, String issuer, String clientId) {
    }

    @GET
    public Identity get() {
        return auth.mode() == AuthConfig.Mode.OIDC
                ? new Identity("oidc", auth.issuer().orElse(null), api.consoleClientId())
                : new Identity("none", null, null);
    }
}
