package dev.ragfn.bundle;

import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.DocumentStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The broker's ingress refuses an invalid event with 400 and a named problem before anything is
 * routed: not the {@code 200 []} of a duplicate, and no dead letter (the sender hears of it).
 */
@QuarkusTest
class EventsValidationTest {

    /** A request that hangs fails the test instead of stalling it. */
    private static final RestAssuredConfig PROMPT = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 20_000));

    @Inject
    DocumentStore store;
    @ConfigProperty(name = "ragfn.data-dir")
    Path dataDir;

    private String kb;
    private long deadLettersBefore;

    @BeforeEach
    void fresh_knowledge_base() throws IOException {
        kb = "door-" + UUID.randomUUID().toString().substring(0, 8);
        deadLettersBefore = deadLetterBytes();
    }

    @AfterEach
    void nothing_routed() throws IOException {
        assertThat(deadLetterBytes()).as("an event refused at the door is not dead-lettered").isEqualTo(deadLettersBefore);
        assertThat(store.findKnowledgeBase(new KnowledgeBaseRef("acme", kb))).as("nothing was ingested").isEmpty();
    }

    private long deadLetterBytes() throws IOException {
        Path file = dataDir.resolve("dead-letters.jsonl");
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private RequestSpecification submission() {
        return RestAssured.given().config(PROMPT)
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests").header("ce-type", EventTypes.DOCUMENT_SUBMITTED)
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb)
                .contentType("application/json");
    }

    private static Map<String, Object> structured(String type, Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/tests");
        event.put("type", type);
        event.put("tenant", "acme");
        event.put("data", data);
        return event;
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\", \"b\"]", "\"just text\"", "42", "null"})
    void should_refuse_a_submission_whose_data_is_not_a_json_object(String data) {
        submission().body(data)
                .post("/events")
                .then().statusCode(400)
                .body("kind", equalTo("INVALID_INPUT"))
                .body("message", containsString("JSON object"));
    }

    @Test
    void should_refuse_a_submission_with_an_unknown_field() {
        submission().body(Map.of("documentId", "d.md", "text", "hello", "url", "https://example.com"))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("unknown field 'url'"));
    }

    @Test
    void should_refuse_a_submission_without_a_tenant() {
        RestAssured.given().config(PROMPT)
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests").header("ce-type", EventTypes.DOCUMENT_SUBMITTED)
                .header("ce-knowledgebase", kb)
                .contentType("application/json").body(Map.of("documentId", "d.md", "text", "hello"))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("tenant"));
    }

    @Test
    void should_refuse_a_submission_without_a_document_id_or_source() {
        submission().body(Map.of("text", "hello"))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("documentId"));
    }

    @Test
    void should_refuse_a_document_id_longer_than_ids_allow() {
        submission().body(Map.of("documentId", "d".repeat(100_000), "text", "hello"))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("documentId must be at most 512 characters"));
    }

    @Test
    void should_refuse_a_title_longer_than_titles_allow() {
        submission().body(Map.of("documentId", "d.md", "title", "t".repeat(600_000), "text", "hello"))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("title must be at most"));
    }

    @Test
    void should_answer_413_when_the_event_is_larger_than_the_door_allows() {
        submission().body(Map.of("documentId", "d".repeat(5_000_000), "text", "hello"))
                .post("/events")
                .then().statusCode(413)
                .body("kind", equalTo("TOO_LARGE"))
                .body("message", containsString("ragfn.broker.max-event-bytes"));
    }

    @Test
    void should_refuse_data_base64_when_ragfn_events_carry_json() {
        Map<String, Object> event = structured(EventTypes.DOCUMENT_SUBMITTED, null);
        event.remove("data");
        event.put("knowledgebase", kb);
        event.put("data_base64", "eyJkb2N1bWVudElkIjoiZC5tZCIsInRleHQiOiJoaSJ9");
        RestAssured.given().config(PROMPT).contentType("application/cloudevents+json").body(event)
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("data_base64"));
    }

    @Test
    void should_refuse_a_binary_event_without_an_id() {
        RestAssured.given().config(PROMPT)
                .header("ce-specversion", "1.0").header("ce-source", "/tests")
                .header("ce-type", EventTypes.DOCUMENT_SUBMITTED)
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb)
                .contentType("application/json").body(Map.of("documentId", "d.md", "text", "hello"))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("id"));
    }

    @Test
    void should_refuse_a_structured_event_without_an_id() {
        Map<String, Object> event = structured(EventTypes.DOCUMENT_SUBMITTED, Map.of("documentId", "d.md", "text", "hi"));
        event.remove("id");
        event.put("knowledgebase", kb);
        RestAssured.given().config(PROMPT).contentType("application/cloudevents+json").body(event)
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("id"));
    }

    @Test
    void should_refuse_a_binary_event_whose_type_header_is_repeated() {
        submission().header("ce-type", EventTypes.SUMMARY_REQUESTED)
                .body(Map.of("documentId", "d.md", "text", "hello"))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("ce-type"));
    }

    @Test
    void should_refuse_an_unknown_ragfn_event_type_naming_the_known_ones() {
        Map<String, Object> event = structured("dev.ragfn.document.submited", Map.of("documentId", "d.md", "text", "hi"));
        RestAssured.given().config(PROMPT).contentType("application/cloudevents+json").body(event)
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString(EventTypes.DOCUMENT_SUBMITTED));
    }

    @Test
    void should_refuse_chunks_ready_without_the_tenant_it_needs() {
        Map<String, Object> event = structured(EventTypes.CHUNKS_READY,
                Map.of("knowledgeBase", kb, "documentId", "d.md", "contentHash", "sha256:x", "chunkCount", 1));
        RestAssured.given().config(PROMPT).contentType("application/cloudevents+json").body(event)
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("tenant"));
    }

    @Test
    void should_refuse_data_that_is_not_json_when_the_type_is_ragfns() {
        Map<String, Object> event = structured(EventTypes.SUMMARY_REQUESTED, "duration=PT1H");
        event.put("datacontenttype", "text/plain");
        RestAssured.given().config(PROMPT).contentType("application/cloudevents+json").body(event)
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("datacontenttype"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/cloudevents+json"})
    void should_answer_400_at_once_when_the_body_is_empty(String contentType) {
        RestAssured.given().config(PROMPT)
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests").header("ce-type", EventTypes.DOCUMENT_SUBMITTED)
                .contentType(contentType).body("")
                .post("/events")
                .then().statusCode(400)
                .body("kind", equalTo("INVALID_INPUT"))
                .body("message", containsString("empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"specversion\": ", "null", "[]", "\"text\""})
    void should_refuse_a_structured_body_that_is_not_an_event_object(String body) {
        RestAssured.given().config(PROMPT).contentType("application/cloudevents+json").body(body)
                .post("/events")
                .then().statusCode(400)
                .body("kind", equalTo("INVALID_INPUT"));
    }
}
