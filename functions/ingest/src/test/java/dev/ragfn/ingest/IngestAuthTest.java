package dev.ragfn.ingest;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.testing.AuthMatrix;
import dev.ragfn.testing.AuthMatrix.Endpoint;
import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ingest with ragfn.auth.mode=oidc: the event ingress (POST /, reached only from the broker) takes
 * events without a token, every other path refuses a request without one (and, as the package has no
 * quarkus-oidc to validate tokens, with one too: users never call ingest).
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class IngestAuthTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    DocumentStore store;

    @Test
    void should_ingest_the_brokers_event_without_a_token_when_it_arrives_at_the_ingress() {
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);

        var response = new AuthMatrix(TestIssuer.shared(), base).send(submission("/", kb), "acme", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(store.findDocument(DocumentRef.of("acme", kb, "handbook.md"))).isPresent();
    }

    @Test
    void should_refuse_a_request_without_a_token_when_it_is_not_the_ingress() {
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);

        new AuthMatrix(TestIssuer.shared(), base).assertProblem(submission("/ingest", kb), "acme", null, 401,
                "UNAUTHENTICATED", "no token");

        assertThat(store.findDocument(DocumentRef.of("acme", kb, "handbook.md"))).isEmpty();
    }

    private static Endpoint submission(String path, String kb) {
        return Endpoint.post(path, "editor", tenant -> "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"type\":\"dev.ragfn.document.submitted\",\"source\":\"/tests\",\"tenant\":\"" + tenant
                + "\",\"knowledgebase\":\"" + kb + "\",\"datacontenttype\":\"application/json\",\"data\":"
                + "{\"documentId\":\"handbook.md\",\"contentType\":\"text/markdown\",\"text\":\"# Handbook\\n\\nEmployees get 25 days.\"}}")
                .contentType("application/cloudevents+json");
    }
}
