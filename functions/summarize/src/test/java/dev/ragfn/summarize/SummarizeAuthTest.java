package dev.ragfn.summarize;

import dev.ragfn.testing.AuthMatrix;
import dev.ragfn.testing.AuthMatrix.Endpoint;
import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;

/** POST /summarize with ragfn.auth.mode=oidc takes an admin's token of the tenant, or answers a JSON 401/403. */
@QuarkusTest
@TestProfile(OidcProfile.class)
class SummarizeAuthTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void should_refuse_every_flawed_token_when_summarize_is_called() {
        Endpoint summarize = Endpoint.post("/summarize", "admin", tenant -> "{\"tenant\":\"" + tenant + "\"}");

        new AuthMatrix(TestIssuer.shared(), base).assertRefused(summarize, "mallory", "acme", "globex");
    }
}
