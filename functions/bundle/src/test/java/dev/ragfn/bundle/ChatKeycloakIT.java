package dev.ragfn.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.json.Json;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.KeycloakTokens;
import dev.ragfn.testing.OpenAiServer;
import dev.ragfn.testing.SseClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chat path behind the real Keycloak of infra/keycloak.sh: tokens come from its token
 * endpoint through the password and client-credentials grants, quarkus-oidc checks them against its
 * published keys, and the tenant and user they name decide what each caller sees. Two tenants fill a
 * knowledge base of the same name with their own confidential fact; each is answered only from its
 * own, and a second user of a tenant cannot reach the first one's session. The chat model is the
 * global {@link FakeChatModel}, which records what it was shown.
 */
@QuarkusTest
@TestProfile(ChatKeycloakIT.RealKeycloak.class)
class ChatKeycloakIT {

    private static final String QUESTION = "What is the code word for the merger project?";
    private static final String ACME_FACT = "The code word for the merger project is BLUE HERON.";
    private static final String GLOBEX_FACT = "The code word for the merger project is CRIMSON OTTER.";

    /** The bundle with ragfn.auth.mode=oidc trusting the realm ragfn of the real Keycloak, on fresh embedded stores. */
    public static class RealKeycloak implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // Read in the application's class loader: InfraServer only finds (or starts) the server and names it.
            return Map.of("ragfn.auth.mode", "oidc",
                    "ragfn.auth.issuer", InfraServer.keycloak(),
                    "ragfn.data-dir", "target/keycloak-it-" + UUID.randomUUID().toString().substring(0, 8));
        }
    }

    @TestHTTPResource("/chat/stream")
    URI stream;
    @Inject
    DocumentStore documents;
    @Inject
    SessionStore sessions;

    private final KeycloakTokens keycloak = KeycloakTokens.fromInfra();
    private String kb;
    private String alice;
    private String bob;
    private String carol;

    @BeforeEach
    void signIn() {
        // Tokens live 300 s: fresh ones per test.
        alice = keycloak.forUser("alice");
        bob = keycloak.forUser("bob");
        carol = keycloak.forUser("carol");
        kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void should_answer_each_tenant_only_from_its_own_document_when_two_tenants_ask_the_same_question() throws Exception {
        submit(alice, "acme", "merger-acme.md", ACME_FACT).then().statusCode(200);
        submit(carol, "globex", "merger-globex.md", GLOBEX_FACT).then().statusCode(200);

        assertAnsweredFromOwnDocument(streamed(alice, "acme"), "acme", "merger-acme.md", "BLUE HERON", "CRIMSON OTTER");
        assertAnsweredFromOwnDocument(streamed(carol, "globex"), "globex", "merger-globex.md", "CRIMSON OTTER", "BLUE HERON");
        assertAnsweredFromOwnDocument(answered(alice, "acme"), "acme", "merger-acme.md", "BLUE HERON", "CRIMSON OTTER");
        assertAnsweredFromOwnDocument(answered(carol, "globex"), "globex", "merger-globex.md", "CRIMSON OTTER", "BLUE HERON");
    }

    @Test
    void should_keep_alices_session_to_herself_when_bob_of_her_tenant_and_carol_of_another_reach_for_it() throws Exception {
        submit(alice, "acme", "merger-acme.md", ACME_FACT).then().statusCode(200);
        JsonNode first = streamed(alice, "acme");
        String session = first.get("sessionId").asText();

        assertProblem(submit(bob, "acme", "bob.md", "Bob was here."), 403, "bob, a reader, submitting");
        assertRefused(given().auth().oauth2(bob).queryParam("tenant", "acme").get("/chat/sessions/" + session),
                "bob reading alice's session");
        assertRefused(json(bob).body(chat("acme", session, "And the one before it?")).post("/chat"),
                "bob continuing alice's session");
        assertRefused(sse(bob, chat("acme", session, "And the one before it?")), "bob streaming into alice's session");
        assertRefused(given().auth().oauth2(bob).queryParam("tenant", "acme").delete("/chat/sessions/" + session),
                "bob deleting alice's session");
        assertProblem(json(carol).body(chat("acme", session, "And the one before it?")).post("/chat"), 403,
                "carol naming tenant acme");
        assertProblem(given().auth().oauth2(carol).queryParam("tenant", "acme").get("/chat/sessions/" + session), 403,
                "carol reading acme's session");
        Response bobsSessions = given().auth().oauth2(bob).get("/chat/sessions");

        assertThat(bobsSessions.statusCode()).isEqualTo(200);
        assertThat(ids(bobsSessions.asString())).doesNotContain(session);
        assertThat(documents.findDocument(DocumentRef.of("acme", kb, "bob.md"))).isEmpty();
        assertThat(sessions.lastTurns("acme", session, 10)).extracting(ChatTurn::question).containsExactly(QUESTION);
        Response alicesView = given().auth().oauth2(alice).queryParam("tenant", "acme").get("/chat/sessions/" + session);
        assertThat(alicesView.statusCode()).as(alicesView.asString()).isEqualTo(200);
        JsonNode view = Json.mapper().readTree(alicesView.asString());
        assertThat(view.path("turns")).hasSize(1);
        assertThat(view.at("/turns/0/question").asText()).isEqualTo(QUESTION);
        assertThat(view.at("/turns/0/answer").asText()).isEqualTo(first.get("answer").asText());
        assertThat(ids(given().auth().oauth2(alice).get("/chat/sessions").asString())).contains(session);
    }

    @Test
    void should_return_only_acme_passages_when_bob_retrieves_from_a_knowledge_base_both_tenants_filled() throws Exception {
        submit(alice, "acme", "merger-acme.md", ACME_FACT).then().statusCode(200);
        submit(carol, "globex", "merger-globex.md", GLOBEX_FACT).then().statusCode(200);
        String service = keycloak.forService();

        for (String caller : List.of(bob, service)) {
            Response retrieved = json(caller)
                    .body(Map.of("query", QUESTION, "tenant", "acme", "knowledgeBases", List.of(kb)))
                    .post("/retrieve");

            assertThat(retrieved.statusCode()).as(retrieved.asString()).isEqualTo(200);
            JsonNode passages = Json.mapper().readTree(retrieved.asString()).path("passages");
            assertThat(passages).isNotEmpty();
            assertThat(passages).allSatisfy(passage -> {
                assertThat(passage.path("documentId").asText()).isEqualTo("merger-acme.md");
                assertThat(passage.path("text").asText()).doesNotContain("CRIMSON OTTER");
            });
        }
        assertProblem(json(bob).body(Map.of("query", QUESTION, "tenant", "globex", "knowledgeBases", List.of(kb)))
                .post("/retrieve"), 403, "bob naming tenant globex");
    }

    private void assertAnsweredFromOwnDocument(JsonNode done, String tenant, String documentId, String ownFact,
                                               String otherFact) {
        // The global FakeChatModel answers every question alike: what tells is what the model was shown.
        String prompt = OpenAiServer.prompt(FakeChatModel.SERVER.requests().getLast());
        assertThat(prompt).as(tenant).contains(ownFact).doesNotContain(otherFact);
        assertThat(done.path("sources")).as(tenant).isNotEmpty().allSatisfy(source -> {
            assertThat(source.at("/document/knowledgeBase/tenant").asText()).isEqualTo(tenant);
            assertThat(source.at("/document/documentId").asText()).isEqualTo(documentId);
        });
        assertThat(done.toString()).as(tenant).doesNotContain(otherFact);
    }

    /** A new session's first turn over SSE: its done event, once the stream is known to carry no error event. */
    private JsonNode streamed(String token, String tenant) throws Exception {
        SseClient.Stream answer = SseClient.post(stream, Map.of("tenant", tenant, "knowledgeBases", List.of(kb),
                "message", QUESTION), token);
        assertThat(answer.status()).as("%s: %s", tenant, answer.events()).isEqualTo(200);
        assertThat(answer.events()).extracting(SseClient.Event::name).doesNotContain("error");
        return answer.done();
    }

    private JsonNode answered(String token, String tenant) throws IOException {
        Response answer = json(token).body(Map.of("tenant", tenant, "knowledgeBases", List.of(kb), "message", QUESTION))
                .post("/chat");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        return Json.mapper().readTree(answer.asString());
    }

    /** A structured CloudEvent through the bundle's ingress, as the CLI sends it; the chain runs before the reply. */
    private Response submit(String token, String tenant, String documentId, String fact) {
        Map<String, Object> data = Map.of("documentId", documentId, "contentType", "text/markdown",
                "text", "# Merger project\n\nConfidential. " + fact + " Do not share it outside the company.",
                "knowledgeBase", kb);
        return given().auth().oauth2(token).contentType("application/cloudevents+json")
                .body(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "type", EventTypes.DOCUMENT_SUBMITTED,
                        "source", "/tests", "tenant", tenant, "datacontenttype", "application/json", "data", data))
                .post("/events");
    }

    private Map<String, Object> chat(String tenant, String session, String message) {
        return Map.of("tenant", tenant, "sessionId", session, "message", message, "knowledgeBases", List.of(kb));
    }

    private static RequestSpecification json(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private Response sse(String token, Map<String, Object> body) {
        return json(token).accept("text/event-stream").body(body).post("/chat/stream");
    }

    private static void assertRefused(Response response, String what) {
        // Another user's session: 403, or 404 where the server would not even confirm it exists.
        assertThat(response.statusCode()).as("%s: %s", what, response.asString()).isIn(403, 404);
        assertThat(response.jsonPath().getString("kind")).as(what).isNotBlank();
    }

    private static void assertProblem(Response response, int status, String what) {
        assertThat(response.statusCode()).as("%s: %s", what, response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("kind")).as(what).isEqualTo("FORBIDDEN");
    }

    private static List<String> ids(String sessionList) throws IOException {
        List<String> ids = new ArrayList<>();
        Json.mapper().readTree(sessionList).forEach(session -> ids.add(session.path("id").asText()));
        return ids;
    }
}
