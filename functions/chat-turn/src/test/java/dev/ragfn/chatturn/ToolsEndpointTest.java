package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.testing.SseClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The application configured with tools as a user would (ragfn.chat.tools.* and
 * ragfn.chat.mcp.servers.tickets.url in its configuration), the model and the MCP server being
 * local servers speaking their real protocols ({@link ToolServers}): the SSE endpoint reports the
 * tool call as a {@code tool} event, streams only the final answer, and the session keeps the call.
 */
@QuarkusTest
@WithTestResource(ToolServers.class)
class ToolsEndpointTest {

    @Inject
    VectorIndex index;
    @Inject
    EmbeddingModel model;

    @TestHTTPResource("/chat/stream")
    URI stream;

    @Test
    void should_report_the_mcp_tool_call_as_an_event_and_keep_it_with_the_turn_when_streaming() throws Exception {
        String kb = Handbook.index(index, model, "acme");

        SseClient.Stream answer = SseClient.post(stream, Map.of("tenant", "acme", "knowledgeBases", List.of(kb),
                "message", "What is the status of ticket ACC-7?"));

        List<SseClient.Event> tools = answer.events().stream().filter(e -> e.name().equals("tool")).toList();
        assertThat(tools).singleElement().satisfies(event -> {
            assertThat(event.json().get("name").asText()).isEqualTo("lookup_ticket");
            assertThat(event.json().get("source").asText()).isEqualTo("mcp:tickets");
            assertThat(event.json().get("outcome").asText()).isEqualTo("OK");
        });
        // The output shield releases the answer as far as it is settled, so pieces need not match the model's chunks.
        assertThat(String.join("", answer.tokens())).isEqualTo(ToolServers.ANSWER_START + ToolServers.ANSWER_END);
        JsonNode done = answer.done();
        assertThat(done.get("answer").asText()).isEqualTo(ToolServers.ANSWER_START + ToolServers.ANSWER_END);
        assertThat(done.at("/toolCalls/0/verdict").asText()).isEqualTo("ALLOW");
        given().queryParam("tenant", "acme").get("/chat/sessions/" + done.get("sessionId").asText()).then()
                .statusCode(200)
                .body("turns[0].toolCalls[0].name", equalTo("lookup_ticket"))
                .body("turns[0].toolCalls[0].arguments", equalTo("{\"id\":\"ACC-7\"}"));
    }
}
