package dev.ragfn.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.testing.OpenAiServer;
import dev.ragfn.testing.SseClient;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The whole platform on one process: documents go in as CloudEvents through the broker's ingress
 * (ingest, embed), a question comes in over the SSE endpoint, the streamed answer cites the right
 * document, the turn is stored, and a follow-up sends the session's earlier turn to the model. An
 * assistant made through the API shapes the turns that name it; a document deleted through the API
 * is neither cited nor retrieved any more. Subclasses choose the stores.
 */
abstract class ChatEndToEnd {

    private static final Map<String, String> HANDBOOK = Map.of(
            "vacation.md", "# Vacation policy\n\nEmployees get 25 days of paid vacation per year. Unused vacation "
                    + "days carry over until March.\n\n## Approval\n\nVacation requests are approved by your manager "
                    + "in the HR portal.",
            "vpn.md", "# Remote access\n\nRemote staff connect through the WireGuard VPN. Request a VPN profile "
                    + "under ticket type ACC-7.",
            "expenses.md", "# Expense reports\n\nExpense reports are due by the fifth working day of the following "
                    + "month. Attach the receipts to every expense report.");

    @TestHTTPResource("/chat/stream")
    URI stream;

    @Test
    void should_answer_from_ingested_documents_with_citations_and_remember_the_session() throws Exception {
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        HANDBOOK.forEach((documentId, markdown) -> submit(kb, documentId, markdown));

        SseClient.Stream first = SseClient.post(stream, Map.of("tenant", "acme", "knowledgeBases", List.of(kb),
                "message", "How many vacation days do employees get per year?"));

        assertThat(first.status()).as("answer %s", first.events()).isEqualTo(200);
        assertThat(first.tokens()).hasSizeGreaterThan(1);
        assertThat(String.join("", first.tokens())).isEqualTo(FakeChatModel.VACATION_ANSWER);
        JsonNode done = first.done();
        assertThat(done.get("extractive").asBoolean()).isFalse();
        assertThat(done.at("/sources/0/number").asInt()).isEqualTo(1);
        assertThat(done.at("/sources/0/document/documentId").asText()).isEqualTo("vacation.md");
        String sessionId = done.get("sessionId").asText();

        JsonNode followUp = SseClient.post(stream, Map.of("tenant", "acme", "knowledgeBases", List.of(kb),
                "sessionId", sessionId, "message", "Who has to approve the requests for those days?")).done();

        assertThat(followUp.get("answer").asText()).isEqualTo(FakeChatModel.APPROVAL_ANSWER);
        assertThat(followUp.get("turnIndex").asInt()).isEqualTo(1);
        String prompt = OpenAiServer.prompt(FakeChatModel.SERVER.requests().getLast());
        assertThat(prompt).contains("How many vacation days do employees get per year?")
                .contains(FakeChatModel.VACATION_ANSWER)
                .contains("Who has to approve the requests for those days?");
        given().queryParam("tenant", "acme").get("/chat/sessions/" + sessionId).then()
                .statusCode(200)
                .body("turns", hasSize(2))
                .body("turns[0].question", equalTo("How many vacation days do employees get per year?"))
                .body("turns[0].answer", equalTo(FakeChatModel.VACATION_ANSWER))
                .body("turns[0].sources[0].document.documentId", equalTo("vacation.md"))
                .body("turns[1].question", equalTo("Who has to approve the requests for those days?"));
        given().queryParam("tenant", "globex").get("/chat/sessions/" + sessionId).then().statusCode(404);
    }

    @Test
    void should_answer_under_the_assistants_instructions_when_a_turn_names_an_assistant_made_through_the_api()
            throws Exception {
        // given
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        HANDBOOK.forEach((documentId, markdown) -> submit(kb, documentId, markdown));
        String id = "hr-" + UUID.randomUUID().toString().substring(0, 8);
        String instructions = "You are Ada, the HR helper of Acme. Answer in one friendly sentence.";
        given().queryParam("tenant", "acme").contentType("application/json")
                .body(Map.of("id", id, "name", "HR helper", "instructions", instructions, "knowledgeBases", List.of(kb)))
                .post("/api/assistants").then().statusCode(201);

        // when
        JsonNode done = SseClient.post(stream, Map.of("tenant", "acme", "assistantId", id,
                "message", "How many vacation days do employees get per year?")).done();

        // then
        JsonNode sent = FakeChatModel.SERVER.requests().getLast();
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(sent.at("/messages/0/content").asText()).startsWith(instructions);
        assertThat(done.at("/sources/0/document/documentId").asText()).isEqualTo("vacation.md");
        assertThat(done.at("/assistant/id").asText()).isEqualTo(id);
        assertThat(done.at("/assistant/version").asLong()).isEqualTo(1);
        given().queryParam("tenant", "acme").get("/chat/sessions/" + done.get("sessionId").asText()).then()
                .statusCode(200).body("turns[0].assistant.id", equalTo(id));
    }

    @Test
    void should_neither_cite_nor_retrieve_a_document_when_it_was_deleted_through_the_api() throws Exception {
        // given: the answer cites the vacation policy
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        HANDBOOK.forEach((documentId, markdown) -> submit(kb, documentId, markdown));
        Map<String, Object> question = Map.of("tenant", "acme", "knowledgeBases", List.of(kb),
                "message", "How many vacation days do employees get per year?");
        assertThat(SseClient.post(stream, question).done().findValuesAsText("documentId")).contains("vacation.md");

        int modelCalls = FakeChatModel.SERVER.requests().size();

        // when
        given().queryParam("tenant", "acme").delete("/api/knowledge-bases/" + kb + "/documents/vacation.md")
                .then().statusCode(204);

        // then: the model, if it is asked at all, is not shown the passage
        JsonNode after = SseClient.post(stream, question).done();
        assertThat(after.findValuesAsText("documentId")).doesNotContain("vacation.md");
        List<JsonNode> sent = FakeChatModel.SERVER.requests();
        assertThat(sent.subList(modelCalls, sent.size())).extracting(OpenAiServer::prompt)
                .noneMatch(prompt -> prompt.contains("25 days of paid vacation"));
        List<String> retrieved = given().contentType("application/json")
                .body(Map.of("tenant", "acme", "knowledgeBases", List.of(kb), "query", "paid vacation days per year",
                        "topK", 10))
                .post("/retrieve").then().statusCode(200).extract().path("passages.documentId");
        assertThat(retrieved).isNotEmpty().doesNotContain("vacation.md");
        given().queryParam("tenant", "acme").get("/api/knowledge-bases/" + kb + "/documents/vacation.md")
                .then().statusCode(404);
    }

    /** A binary-mode CloudEvent to the broker's ingress; the chain runs before the answer. */
    private static void submit(String kb, String documentId, String markdown) {
        given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", EventTypes.DOCUMENT_SUBMITTED).header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb)
                .contentType("application/json")
                .body(Map.of("documentId", documentId, "text", markdown, "contentType", "text/markdown"))
                .post("/events")
                .then().statusCode(200)
                .body("type", hasItem(EventTypes.DOCUMENT_INDEXED));
    }
}
