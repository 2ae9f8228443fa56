package dev.ragfn.retrieve;

import dev.ragfn.testing.AuthMatrix;
import dev.ragfn.testing.AuthMatrix.Endpoint;
import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /retrieve with ragfn.auth.mode=oidc: a reader's token of the tenant, or a JSON 401/403. */
@QuarkusTest
@TestProfile(OidcProfile.class)
class RetrieveAuthTest {

    private static final Endpoint RETRIEVE = Endpoint.post("/retrieve", "reader",
            tenant -> "{\"query\":\"vacation days\",\"tenant\":\"" + tenant + "\",\"knowledgeBases\":[\"hr\"]}");

    @TestHTTPResource("/")
    URI base;

    @Test
    void should_refuse_every_flawed_token_when_retrieve_is_called() {
        new AuthMatrix(TestIssuer.shared(), base).assertRefused(RETRIEVE, "mallory", "acme", "globex");
    }

    @Test
    void should_answer_a_reader_of_the_tenant_when_the_token_is_valid() {
        AuthMatrix matrix = new AuthMatrix(TestIssuer.shared(), base);

        var response = matrix.send(RETRIEVE, "acme", TestIssuer.shared().token("alice", "acme", "reader"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
