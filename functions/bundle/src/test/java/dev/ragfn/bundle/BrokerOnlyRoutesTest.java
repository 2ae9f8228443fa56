package dev.ragfn.bundle;

import dev.ragfn.core.event.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The bundle takes events only at its broker's ingress: Funqy's own event routes (POST / and the
 * functions that only events trigger) would run one function without the rest of the chain, and
 * leave a document chunked but never embedded.
 */
@QuarkusTest
class BrokerOnlyRoutesTest {

    private static final Map<String, String> SUBMISSION = Map.of("documentId", "bypass.md",
            "text", "Employees get 25 days of paid vacation per year.");

    private static RequestSpecification binaryEvent(String type) {
        return given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests").header("ce-type", type)
                .header("ce-tenant", "acme").header("ce-knowledgebase", "bypass")
                .contentType("application/json");
    }

    @Test
    void should_refuse_a_binary_event_at_the_root_and_point_to_the_broker_when_posted_to_funqy() {
        binaryEvent(EventTypes.DOCUMENT_SUBMITTED).body(SUBMISSION)
                .post("/")
                .then().statusCode(404)
                .contentType("application/json")
                .body("kind", equalTo("NOT_FOUND"))
                .body("message", containsString("POST /events"));
    }

    @Test
    void should_refuse_a_structured_event_at_the_root_when_posted_to_funqy() {
        given().contentType("application/cloudevents+json")
                .body(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/tests",
                        "type", EventTypes.CONVERSION_REQUESTED, "data", Map.of("source", "x")))
                .post("/")
                .then().statusCode(404)
                .body("message", containsString("POST /events"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ingest", "/embed", "/onSchedule"})
    void should_refuse_a_function_that_only_events_trigger_when_called_directly(String path) {
        given().contentType("application/json").body(SUBMISSION)
                .post(path)
                .then().statusCode(404)
                .contentType("application/json")
                .body("kind", equalTo("NOT_FOUND"))
                .body("message", containsString("POST /events"));
        binaryEvent(EventTypes.DOCUMENT_SUBMITTED).body(SUBMISSION)
                .post(path)
                .then().statusCode(404)
                .body("message", containsString("POST /events"));
        given().queryParam("documentId", "bypass.md").get(path)
                .then().statusCode(404)
                .body("message", containsString("POST /events"));
    }

    @Test
    void should_still_serve_the_functions_users_call_over_http_when_event_routes_are_refused() {
        given().contentType("application/json")
                .body("{\"text\":\"How many vacation days do I get?\",\"direction\":\"INPUT\"}")
                .post("/shield")
                .then().statusCode(200).body("decision", equalTo("ALLOW"));
        given().contentType("application/json")
                .body(Map.of("query", "vacation", "tenant", "acme", "knowledgeBases", java.util.List.of("nothing-here")))
                .post("/retrieve")
                .then().statusCode(200).body("passages", hasSize(0));
        given().contentType("application/json").body(Map.of("duration", "PT1H"))
                .post("/summarize")
                .then().statusCode(200).body("status", equalTo("SOURCE_UNAVAILABLE"));
        given().queryParam("tenant", "acme").get("/chat/sessions")
                .then().statusCode(200);
    }

    @Test
    void should_still_take_events_at_the_broker_when_funqy_routes_are_refused() {
        binaryEvent(EventTypes.SUMMARY_REQUESTED).body(Map.of("duration", "PT1H"))
                .post("/events")
                .then().statusCode(200)
                .body("[0].type", equalTo(EventTypes.SUMMARY_CREATED));
    }
}
