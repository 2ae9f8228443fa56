package dev.ragfn.summarize;

import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.summarize.testing.PrometheusResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = PrometheusResource.class, restrictToAnnotatedClass = true)
class SummarizeFunctionTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant END = Instant.parse("2026-03-02T06:00:00Z");

    @Inject
    SummaryStore store;

    @Test
    void should_answer_summary_created_with_the_incidents_when_a_binary_event_requests_a_window() {
        given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests").header("ce-type", EventTypes.SUMMARY_REQUESTED)
                .header("ce-tenant", "acme")
                .contentType("application/json").body(event("summary-requested-busy.json"))
                .post("/")
                .then().statusCode(200)
                .header("ce-type", equalTo(EventTypes.SUMMARY_CREATED))
                .header("ce-source", equalTo("/ragfn/summarize"))
                .body("tenant", equalTo("acme"))
                .body("scope", equalTo("prod/llama"))
                .body("status", equalTo("COMPLETE"))
                .body("healthScore", lessThan(50))
                .body("stored", equalTo(true))
                .body("duplicate", equalTo(false))
                .body("markdown", containsString("## Anomalies"))
                .body("markdown", containsString("Server error ratio spiked 2026-03-02 04:3"))
                .body("markdown", containsString("GPU memory used (fullest GPU) rose from 2026-03-02 03:3"));

        assertThat(store.find("acme", "prod/llama", START, END)).isPresent();
    }

    @Test
    void should_return_the_stored_summary_and_store_no_second_when_the_same_window_is_requested_twice() {
        JsonPath first = structured("summary-requested-quiet.json");
        JsonPath second = structured("summary-requested-quiet.json");

        assertThat(first.getBoolean("duplicate")).isFalse();
        assertThat(second.getBoolean("duplicate")).isTrue();
        assertThat(second.getString("createdAt")).isEqualTo(first.getString("createdAt"));
        assertThat(second.getString("markdown")).isEqualTo(first.getString("markdown"));
        assertThat(first.getInt("healthScore")).isEqualTo(100);
        assertThat(store.list("globex", "calm/granite", START, END)).hasSize(1);
    }

    @Test
    void should_summarise_the_aligned_window_before_the_firing_time_when_a_schedule_names_only_a_duration() {
        given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/schedules/daily").header("ce-type", EventTypes.SUMMARY_REQUESTED)
                .header("ce-tenant", "umbrella").header("ce-time", "2026-03-02T06:20:41Z")
                .contentType("application/json").body(Map.of("namespace", "calm", "model", "granite", "duration", "6h"))
                .post("/")
                .then().statusCode(200)
                .body("windowStart", equalTo("2026-03-02T00:00:00Z"))
                .body("windowEnd", equalTo("2026-03-02T06:00:00Z"))
                .body("healthScore", equalTo(100));
    }

    @Test
    void should_answer_summary_created_for_the_window_before_the_firing_when_a_knative_ping_fires_a_schedule() {
        given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/apis/v1/namespaces/ragfn/pingsources/daily-model-serving-summary")
                .header("ce-type", SummarizeFunction.KNATIVE_PING).header("ce-schedule", "daily-model-serving-summary")
                .header("ce-time", "2026-03-02T06:00:00Z")
                .contentType("application/json").body(Map.of("namespace", "calm", "model", "granite", "duration", "6h"))
                .post("/")
                .then().statusCode(200)
                .header("ce-type", equalTo(EventTypes.SUMMARY_CREATED))
                .header("ce-source", equalTo("/ragfn/summarize"))
                .body("tenant", equalTo("default"))
                .body("windowStart", equalTo("2026-03-02T00:00:00Z"))
                .body("windowEnd", equalTo("2026-03-02T06:00:00Z"))
                .body("healthScore", equalTo(100));
    }

    @Test
    void should_answer_a_plain_http_post_when_called_on_the_function_path() {
        given().contentType("application/json")
                .body(Map.of("tenant", "initech", "namespace", "prod", "model", "llama",
                        "start", "2026-03-02T03:00:00Z", "end", "2026-03-02T06:00:00Z"))
                .post("/summarize")
                .then().statusCode(200)
                .body("tenant", equalTo("initech"))
                .body("windowStart", equalTo("2026-03-02T03:00:00Z"))
                .body("markdown", containsString("## Top attention items"));
    }

    @Test
    void should_answer_with_a_report_that_says_so_and_store_nothing_when_the_window_has_no_data() {
        given().contentType("application/json")
                .body(Map.of("tenant", "hooli", "namespace", "nowhere", "start", "2026-03-02T00:00:00Z", "duration", "PT1H"))
                .post("/summarize")
                .then().statusCode(200)
                .body("status", equalTo("NO_DATA"))
                .body("healthScore", equalTo(null))
                .body("markdown", containsString("No metric of nowhere/* has samples"));
    }

    private JsonPath structured(String file) {
        String body = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/tests\","
                + "\"type\":\"" + EventTypes.SUMMARY_REQUESTED + "\",\"tenant\":\"globex\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + event(file) + "}";
        return given().contentType("application/cloudevents+json").body(body)
                .post("/")
                .then().statusCode(200)
                .body("type", equalTo(EventTypes.SUMMARY_CREATED))
                .extract().jsonPath().setRootPath("data");
    }

    private static String event(String file) {
        try (InputStream in = SummarizeFunctionTest.class.getResourceAsStream("/events/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_be_ready_without_opening_the_document_store_or_index_when_summarize_reads_neither() {
        // when: the readiness probe Knative waits for before the first request
        given().get("/q/health/ready")

                // then: up, and the stores summarize never reads were not opened for it
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("ragfn-stores")));
    }
}
