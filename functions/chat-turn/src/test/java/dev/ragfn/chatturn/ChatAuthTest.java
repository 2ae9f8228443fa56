package dev.ragfn.chatturn;

import dev.ragfn.core.port.SessionStore;
import dev.ragfn.testing.AuthMatrix;
import dev.ragfn.testing.AuthMatrix.Endpoint;
import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * chat-turn with ragfn.auth.mode=oidc: /chat, /chat/stream and the session routes take a reader's
 * token of the tenant, or answer a JSON 401/403 and store no session and no turn.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class ChatAuthTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    SessionStore sessions;

    @Test
    void should_refuse_every_flawed_token_and_store_nothing_when_a_chat_route_is_called() {
        String session = "s-" + UUID.randomUUID();
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        List<Endpoint> routes = List.of(
                Endpoint.post("/chat", "reader", tenant -> chat(tenant, session, kb)),
                Endpoint.post("/chat/stream", "reader", tenant -> chat(tenant, session, kb)),
                // Funqy's event route of the chat function is a user's door too in this Service.
                Endpoint.post("/", "reader", tenant -> "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"type\":\"chat\",\"source\":\"/tests\",\"datacontenttype\":\"application/json\",\"data\":"
                        + chat(tenant, session, kb) + "}").contentType("application/cloudevents+json"),
                Endpoint.get("/chat/sessions?tenant={tenant}", "reader"),
                Endpoint.get("/chat/sessions/" + session + "?tenant={tenant}", "reader"),
                Endpoint.delete("/chat/sessions/" + session + "?tenant={tenant}", "reader"));
        AuthMatrix matrix = new AuthMatrix(TestIssuer.shared(), base);

        routes.forEach(route -> matrix.assertRefused(route, "mallory", "acme", "globex"));

        assertThat(sessions.list("acme", "mallory")).isEmpty();
        assertThat(sessions.list("globex", "mallory")).isEmpty();
        assertThat(sessions.lastTurns("acme", session, 10)).isEmpty();
        assertThat(sessions.lastTurns("globex", session, 10)).isEmpty();
    }

    private static String chat(String tenant, String session, String kb) {
        return "{\"tenant\":\"" + tenant + "\",\"sessionId\":\"" + session + "\",\"message\":\"How many vacation days?\","
                + "\"knowledgeBases\":[\"" + kb + "\"]}";
    }
}
