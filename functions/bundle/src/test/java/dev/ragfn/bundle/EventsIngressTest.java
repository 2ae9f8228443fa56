package dev.ragfn.bundle;

import dev.ragfn.core.event.EventTypes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The local broker's ingress: CloudEvents in either mode, routed as triggers.yaml says; bad events refused. */
@QuarkusTest
class EventsIngressTest {

    @TestHTTPResource("/events")
    URI events;

    @Test
    void should_route_a_structured_event_to_summarize_and_answer_its_declared_reply_type() {
        given().contentType("application/cloudevents+json")
                .body(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/tests",
                        "type", EventTypes.SUMMARY_REQUESTED, "tenant", "acme",
                        "data", Map.of("duration", "PT1H")))
                .post("/events")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].type", equalTo(EventTypes.SUMMARY_CREATED))
                .body("[0].source", equalTo("/ragfn/summarize"))
                .body("[0].extensions.tenant", equalTo("acme"))
                .body("[0].data.status", equalTo("SOURCE_UNAVAILABLE"));
    }

    @Test
    void should_hand_back_an_event_unchanged_when_no_function_consumes_its_type() {
        given().header("ce-specversion", "1.0").header("ce-id", "e-42").header("ce-source", "/tests")
                .header("ce-type", "com.example.unrelated")
                .contentType("application/json").body(Map.of("hello", "world"))
                .post("/events")
                .then().statusCode(200)
                .body("[0].id", equalTo("e-42"))
                .body("[0].data.hello", equalTo("world"));
    }

    @Test
    void should_refuse_an_event_without_a_type_or_of_another_spec_version() {
        given().header("ce-specversion", "1.0").header("ce-id", "e-1").header("ce-source", "/tests")
                .contentType("application/json").body(Map.of("documentId", "d"))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("needs a type and a source"));
        given().contentType("application/cloudevents+json")
                .body(Map.of("specversion", "0.3", "id", "e-2", "source", "/tests", "type", EventTypes.DOCUMENT_SUBMITTED))
                .post("/events")
                .then().statusCode(400)
                .body("message", containsString("specversion must be 1.0"));
    }

    @Test
    void should_answer_a_post_as_over_http_1_1_when_it_asks_to_upgrade_to_h2c() throws Exception {
        // given: Java's client asks for HTTP/2 on http:// with an h2c upgrade (Upgrade: h2c, HTTP2-Settings), as curl --http2 does
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest post = HttpRequest.newBuilder(events).header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"specversion": "1.0", "id": "e-h2c", "source": "/tests", "type": "com.example.unrelated",
                         "data": {"hello": "world"}}"""))
                .build();

        // when
        HttpResponse<String> response = http2.send(post, HttpResponse.BodyHandlers.ofString());

        // then: the event went through as over HTTP/1.1 (upgraded to HTTP/2, Quarkus REST had answered 500)
        assertThat(response.statusCode()).as(response.body().substring(0, Math.min(300, response.body().length())))
                .isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"e-h2c\"", "\"hello\":\"world\"");
    }
}
