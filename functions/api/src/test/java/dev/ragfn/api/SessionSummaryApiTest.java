package dev.ragfn.api;

import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.SummaryStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.ragfn.api.Fixtures.NOW;
import static dev.ragfn.api.Fixtures.fresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** /api/sessions and /api/summaries with ragfn.auth.mode=none. */
@QuarkusTest
class SessionSummaryApiTest {

    @Inject
    SessionStore sessions;
    @Inject
    SummaryStore summaries;

    @Test
    void should_list_read_and_delete_the_callers_session_when_it_exists() {
        String tenant = fresh("t");
        String id = fresh("s");
        sessions.create(new ChatSession(tenant, null, id, "Vacation days", NOW, NOW));
        sessions.appendTurn(ChatSession.ANONYMOUS_OWNER, new ChatTurn(tenant, id, 0, "How many?", "25.", List.of(),
                Map.of(), Map.of(), 10, 2, NOW));

        given().queryParam("tenant", tenant).when().get("/api/sessions").then().statusCode(200).body("id", contains(id));
        given().queryParam("tenant", tenant).when().get("/api/sessions/" + id)
                .then().statusCode(200).body("session.title", equalTo("Vacation days")).body("turns.answer", contains("25."));
        given().queryParam("tenant", tenant).when().delete("/api/sessions/" + id).then().statusCode(204);
        given().queryParam("tenant", tenant).when().get("/api/sessions/" + id).then().statusCode(404);
    }

    @Test
    void should_answer_404_and_keep_the_session_when_another_tenant_names_it() {
        String owner = fresh("owner");
        String id = fresh("s");
        sessions.create(new ChatSession(owner, null, id, "Private", NOW, NOW));
        String mine = fresh("t");

        given().queryParam("tenant", mine).when().get("/api/sessions/" + id).then().statusCode(404);
        given().queryParam("tenant", mine).when().delete("/api/sessions/" + id).then().statusCode(404);
        given().queryParam("tenant", mine).when().get("/api/sessions").then().statusCode(200).body("$", empty());

        assertThat(sessions.list(owner, ChatSession.ANONYMOUS_OWNER)).hasSize(1);
    }

    @Test
    void should_list_a_scopes_summaries_and_read_one_with_its_report_when_stored() {
        String tenant = fresh("t");
        summaries.putIfAbsent(new Summary(tenant, "prod/llama", NOW.minusSeconds(7200), NOW.minusSeconds(3600),
                "{\"p99\":1.2}", "# Serving was steady", NOW));
        summaries.putIfAbsent(new Summary(fresh("other"), "prod/llama", NOW.minusSeconds(7200), NOW.minusSeconds(3600),
                "{}", "# other tenant", NOW));

        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama")
                .queryParam("from", NOW.minusSeconds(86_400).toString()).queryParam("to", NOW.toString())
                .when().get("/api/summaries")
                .then().statusCode(200).body("summaries.windowStart", contains(NOW.minusSeconds(7200).toString()))
                .body("next", nullValue());
        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama")
                .queryParam("windowStart", NOW.minusSeconds(7200).toString())
                .queryParam("windowEnd", NOW.minusSeconds(3600).toString())
                .when().get("/api/summaries/report")
                .then().statusCode(200).body("reportMarkdown", equalTo("# Serving was steady"));
    }

    @Test
    void should_page_newest_first_and_keep_one_schedules_windows_when_filtered_by_window_length() {
        String tenant = fresh("t");
        for (int day = 1; day <= 3; day++) {
            Instant end = NOW.minus(Duration.ofDays(day - 1));
            summaries.putIfAbsent(new Summary(tenant, "prod/llama", end.minus(Duration.ofDays(1)), end, "{}", "# day " + day, NOW));
            summaries.putIfAbsent(new Summary(tenant, "prod/llama", end.minus(Duration.ofHours(1)), end, "{}", "# hour " + day, NOW));
        }
        summaries.putIfAbsent(new Summary(fresh("other"), "prod/llama", NOW.minus(Duration.ofDays(1)), NOW, "{}", "# theirs", NOW));

        String next = given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").queryParam("window", "P1D")
                .queryParam("limit", 2).queryParam("to", NOW.toString())
                .when().get("/api/summaries")
                .then().statusCode(200)
                .body("summaries.windowEnd", contains(NOW.toString(), NOW.minus(Duration.ofDays(1)).toString()))
                .extract().path("next");
        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").queryParam("window", "P1D")
                .queryParam("limit", 2).queryParam("to", NOW.toString()).queryParam("after", next)
                .when().get("/api/summaries")
                .then().statusCode(200)
                .body("summaries.windowEnd", contains(NOW.minus(Duration.ofDays(2)).toString())).body("next", nullValue());
        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").queryParam("window", "PT1H")
                .queryParam("to", NOW.toString())
                .when().get("/api/summaries")
                .then().statusCode(200).body("summaries", hasSize(3));
    }

    @Test
    void should_list_the_scopes_the_tenant_has_summaries_of_a_page_at_a_time() {
        String tenant = fresh("t");
        for (String scope : List.of("prod/llama", "dev/granite", "prod/granite")) {
            summaries.putIfAbsent(new Summary(tenant, scope, NOW.minusSeconds(7200), NOW.minusSeconds(3600), "{}", "# h", NOW));
            summaries.putIfAbsent(new Summary(tenant, scope, NOW.minusSeconds(3600), NOW, "{}", "# h", NOW));
        }
        summaries.putIfAbsent(new Summary(fresh("other"), "prod/mistral", NOW.minusSeconds(3600), NOW, "{}", "# theirs", NOW));

        String next = given().queryParam("tenant", tenant).queryParam("limit", 2).when().get("/api/summaries/scopes")
                .then().statusCode(200).body("scopes", contains("dev/granite", "prod/granite"))
                .extract().path("next");
        given().queryParam("tenant", tenant).queryParam("after", next).when().get("/api/summaries/scopes")
                .then().statusCode(200).body("scopes", contains("prod/llama")).body("next", nullValue());
        given().queryParam("tenant", fresh("t")).when().get("/api/summaries/scopes")
                .then().statusCode(200).body("scopes", empty());
        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").when().get("/api/summaries/scopes")
                .then().statusCode(400).body("message", containsString("'scope'"));
    }

    @Test
    void should_answer_400_naming_the_parameter_when_a_summary_list_is_asked_for_badly() {
        String tenant = fresh("t");

        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").queryParam("window", "daily")
                .when().get("/api/summaries")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("window"));
        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").queryParam("window", "-PT1H")
                .when().get("/api/summaries")
                .then().statusCode(400).body("message", containsString("window"));
        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama")
                .queryParam("from", NOW.toString()).queryParam("to", NOW.minusSeconds(60).toString())
                .when().get("/api/summaries")
                .then().statusCode(400).body("message", containsString("must be before to"));
        given().queryParam("tenant", tenant).queryParam("scope", "  ")
                .when().get("/api/summaries")
                .then().statusCode(400).body("message", containsString("scope"));
        given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").queryParam("windowStart", "yesterday")
                .queryParam("windowEnd", NOW.toString())
                .when().get("/api/summaries/report")
                .then().statusCode(400).body("message", containsString("windowStart"));
    }

    @Test
    void should_answer_404_when_another_tenants_summary_is_named_and_400_when_input_is_bad() {
        String owner = fresh("owner");
        summaries.putIfAbsent(new Summary(owner, "prod/llama", NOW.minusSeconds(7200), NOW.minusSeconds(3600),
                "{}", "# theirs", NOW));
        String mine = fresh("t");

        given().queryParam("tenant", mine).queryParam("scope", "prod/llama")
                .queryParam("windowStart", NOW.minusSeconds(7200).toString())
                .queryParam("windowEnd", NOW.minusSeconds(3600).toString())
                .when().get("/api/summaries/report").then().statusCode(404).body("kind", equalTo("NOT_FOUND"));
        given().queryParam("tenant", mine).queryParam("scope", "prod/llama").queryParam("from", "yesterday")
                .when().get("/api/summaries")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("from"));
        given().queryParam("tenant", mine).when().get("/api/summaries")
                .then().statusCode(400).body("message", containsString("scope"));
    }
}
