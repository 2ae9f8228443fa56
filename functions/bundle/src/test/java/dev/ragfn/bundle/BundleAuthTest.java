package dev.ragfn.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.json.Json;
import dev.ragfn.testing.AuthMatrix;
import dev.ragfn.testing.AuthMatrix.Endpoint;
import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle with ragfn.auth.mode=oidc: every route it serves refuses a missing or flawed token (401),
 * a token of another tenant or without the role (403), each with a JSON problem, and nothing reaches
 * the stores; a user's chat session is out of reach of another user of the tenant. The tokens come
 * from {@link TestIssuer}, validated by quarkus-oidc against its published keys.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleAuthTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    /** Every token any test sent, accepted or not: none may show in the log. */
    private static final List<String> SENT = new ArrayList<>();

    @TestHTTPResource("/")
    URI base;
    @Inject
    DocumentStore documents;
    @Inject
    SessionStore sessions;

    private AuthMatrix matrix;
    private String kb;

    @BeforeEach
    void newMatrix() {
        matrix = new AuthMatrix(ISSUER, base);
        kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void should_refuse_every_flawed_token_and_write_nothing_when_any_route_of_the_bundle_is_called() {
        String session = "s-" + UUID.randomUUID();
        List<Endpoint> routes = List.of(
                Endpoint.post("/chat", "reader", tenant -> chat(tenant, session, kb)),
                Endpoint.post("/chat/stream", "reader", tenant -> chat(tenant, session, kb)),
                Endpoint.get("/chat/sessions?tenant={tenant}", "reader"),
                Endpoint.get("/chat/sessions/" + session + "?tenant={tenant}", "reader"),
                Endpoint.delete("/chat/sessions/" + session + "?tenant={tenant}", "reader"),
                Endpoint.post("/retrieve", "reader", tenant -> json(Map.of("query", "vacation days", "tenant", tenant,
                        "knowledgeBases", List.of(kb)))),
                Endpoint.post("/shield", "reader", tenant -> json(Map.of("text", "How many vacation days?",
                        "direction", "INPUT", "tenant", tenant))),
                Endpoint.post("/convert", "admin", tenant -> json(Map.of("source", "target/no-such-repo"))).withoutTenant(),
                Endpoint.post("/summarize", "admin", tenant -> json(Map.of("tenant", tenant))),
                Endpoint.post("/events", "editor", tenant -> submission(tenant, kb, "refused.md"))
                        .contentType("application/cloudevents+json"),
                Endpoint.post("/events", "admin", tenant -> event(EventTypes.SUMMARY_REQUESTED, tenant, Map.of("tenant", tenant)))
                        .contentType("application/cloudevents+json"));
        // Funqy's own event route (POST /) is refused with 404 whatever the token: BrokerOnlyRoutesTest.

        for (Endpoint route : routes) {
            matrix.assertRefused(route, "mallory", "acme", "globex");
        }

        SENT.addAll(matrix.sentTokens());
        for (String tenant : List.of("acme", "globex")) {
            assertThat(documents.findDocument(DocumentRef.of(tenant, kb, "refused.md"))).as(tenant).isEmpty();
            assertThat(sessions.list(tenant, "mallory")).as(tenant).isEmpty();
        }
    }

    @Test
    void should_keep_a_users_session_from_another_user_of_the_tenant_when_bob_reaches_for_alices() {
        String alice = ISSUER.token("alice", "acme", "reader", "editor");
        String bob = ISSUER.token("bob", "acme", "reader");
        SENT.addAll(List.of(alice, bob));
        Endpoint submit = Endpoint.post("/events", "editor", tenant -> submission(tenant, kb, "vacation.md"))
                .contentType("application/cloudevents+json");
        assertThat(matrix.send(submit, "acme", alice).statusCode()).isEqualTo(200);
        String session = "s-" + UUID.randomUUID();
        Endpoint chat = Endpoint.post("/chat", "reader", tenant -> chat(tenant, session, kb));
        HttpResponse<String> first = matrix.send(chat, "acme", alice);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        matrix.assertProblem(chat, "acme", bob, 403, "FORBIDDEN", "bob continuing alice's session");
        matrix.assertProblem(Endpoint.post("/chat/stream", "reader", tenant -> chat(tenant, session, kb)), "acme", bob,
                403, "FORBIDDEN", "bob streaming into alice's session");
        matrix.assertProblem(Endpoint.get("/chat/sessions/" + session + "?tenant={tenant}", "reader"), "acme", bob,
                403, "FORBIDDEN", "bob reading alice's session");
        matrix.assertProblem(Endpoint.delete("/chat/sessions/" + session + "?tenant={tenant}", "reader"), "acme", bob,
                403, "FORBIDDEN", "bob deleting alice's session");
        HttpResponse<String> bobsList = matrix.send(Endpoint.get("/chat/sessions", "reader"), "acme", bob);

        assertThat(bobsList.statusCode()).isEqualTo(200);
        assertThat(read(bobsList.body())).isEmpty();
        assertThat(sessions.get("acme", "alice", session)).map(ChatSession::owner).contains("alice");
        assertThat(sessions.lastTurns("acme", session, 10)).singleElement()
                .satisfies(turn -> assertThat(turn.question()).isEqualTo("How many vacation days do employees get?"));
        HttpResponse<String> alicesList = matrix.send(Endpoint.get("/chat/sessions", "reader"), "acme", alice);
        assertThat(read(alicesList.body())).extracting(node -> node.path("id").asText()).contains(session);
    }

    @Test
    void should_take_the_tenant_from_the_token_when_a_valid_request_names_its_own() {
        String reader = ISSUER.token("carol", "globex", "reader");
        SENT.add(reader);

        HttpResponse<String> retrieved = matrix.send(Endpoint.post("/retrieve", "reader",
                tenant -> json(Map.of("query", "vacation", "tenant", tenant, "knowledgeBases", List.of(kb)))), "globex", reader);
        HttpResponse<String> health = matrix.send(Endpoint.get("/q/health/live", "reader"), "acme", null);

        assertThat(retrieved.statusCode()).as(retrieved.body()).isEqualTo(200);
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void should_never_write_a_token_or_the_signing_key_to_the_log_when_tokens_were_accepted_and_refused() throws IOException {
        String log = Files.readString(Path.of(OidcProfile.LOG));

        assertThat(SENT).as("tokens sent by the tests before this one").hasSizeGreaterThan(20);
        assertThat(log).as("the bundle's log").contains("answered 401").contains("answered 403");
        for (String token : SENT) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(log).doesNotContain(token);
            if (!signature.isEmpty()) {
                assertThat(log).doesNotContain(signature);
            }
        }
        for (String secret : ISSUER.secrets()) {
            assertThat(log).doesNotContain(secret);
        }
    }

    private static String chat(String tenant, String session, String kb) {
        return json(Map.of("tenant", tenant, "sessionId", session, "message", "How many vacation days do employees get?",
                "knowledgeBases", List.of(kb)));
    }

    private static String submission(String tenant, String kb, String documentId) {
        return event(EventTypes.DOCUMENT_SUBMITTED, tenant, Map.of("documentId", documentId, "contentType", "text/markdown",
                "text", "# Vacation\n\nEmployees get 25 days of paid vacation per year.", "knowledgeBase", kb));
    }

    private static String event(String type, String tenant, Map<String, Object> data) {
        return json(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "type", type, "source", "/tests",
                "tenant", tenant, "datacontenttype", "application/json", "data", data));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> read(String body) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            Json.mapper().readTree(body).forEach(nodes::add);
            return nodes;
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
