package dev.ragfn.api;

import dev.ragfn.core.port.AssistantStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.ragfn.api.Fixtures.fresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** /api/assistants with ragfn.auth.mode=none: create, read, update with If-Match, delete. */
@QuarkusTest
class AssistantApiTest {

    private static final String HR = """
            {"id":"hr","name":"HR helper","instructions":"Answer from the handbook only.",
             "model":{"model":"llama-3.1-8b","temperature":0.2,"maxTokens":512},
             "knowledgeBases":["handbook"],"tools":["search_knowledge_base"],"mcpServers":["calendar"],
             "shieldPolicy":"strict","retrievalMode":"hybrid","topK":6}""";

    @Inject
    AssistantStore assistants;

    @Test
    void should_read_back_every_setting_with_version_1_as_etag_when_created() {
        String tenant = fresh("t");

        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR)
                .when().post("/api/assistants")
                .then().statusCode(201).header("ETag", "\"1\"").header("Location", containsString("/api/assistants/hr"));

        given().queryParam("tenant", tenant).when().get("/api/assistants/hr")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("HR helper")).body("instructions", equalTo("Answer from the handbook only."))
                .body("model.model", equalTo("llama-3.1-8b")).body("model.maxTokens", equalTo(512))
                .body("knowledgeBases", contains("handbook")).body("tools", contains("search_knowledge_base"))
                .body("mcpServers", contains("calendar")).body("shieldPolicy", equalTo("strict"))
                .body("retrievalMode", equalTo("hybrid")).body("topK", equalTo(6)).body("version", equalTo(1));
        given().queryParam("tenant", tenant).when().get("/api/assistants")
                .then().statusCode(200).body("id", contains("hr"));
    }

    @Test
    void should_store_version_2_when_updated_with_the_current_version_in_if_match() {
        String tenant = fresh("t");
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR).post("/api/assistants");

        given().queryParam("tenant", tenant).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(HR.replace("Answer from the handbook only.", "Be brief."))
                .when().put("/api/assistants/hr")
                .then().statusCode(200).header("ETag", "\"2\"").body("instructions", equalTo("Be brief."));

        assertThat(assistants.find(tenant, "hr").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void should_answer_409_and_keep_the_newer_settings_when_an_update_names_a_stale_version() {
        String tenant = fresh("t");
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR).post("/api/assistants");
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(HR.replace("Answer from the handbook only.", "theirs")).put("/api/assistants/hr");

        given().queryParam("tenant", tenant).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(HR.replace("Answer from the handbook only.", "mine"))
                .when().put("/api/assistants/hr")
                .then().statusCode(409).body("kind", equalTo("CONFLICT")).body("message", containsString("version 2"));
        given().queryParam("tenant", tenant).header("If-Match", "\"1\"").when().delete("/api/assistants/hr")
                .then().statusCode(409);

        assertThat(assistants.find(tenant, "hr").orElseThrow().instructions()).isEqualTo("theirs");
    }

    @Test
    void should_remove_the_assistant_when_deleted() {
        String tenant = fresh("t");
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR).post("/api/assistants");

        given().queryParam("tenant", tenant).header("If-Match", "\"1\"").when().delete("/api/assistants/hr")
                .then().statusCode(204);

        given().queryParam("tenant", tenant).when().get("/api/assistants/hr").then().statusCode(404);
        given().queryParam("tenant", tenant).when().get("/api/assistants").then().statusCode(200).body("$", empty());
    }

    @Test
    void should_answer_404_and_keep_the_other_tenants_assistant_when_its_id_is_named() {
        String owner = fresh("owner");
        String mine = fresh("t");
        given().queryParam("tenant", owner).contentType(ContentType.JSON).body(HR).post("/api/assistants");

        given().queryParam("tenant", mine).when().get("/api/assistants/hr").then().statusCode(404)
                .body("message", not(containsString("handbook only")));
        given().queryParam("tenant", mine).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(HR)
                .when().put("/api/assistants/hr").then().statusCode(404);
        given().queryParam("tenant", mine).when().delete("/api/assistants/hr").then().statusCode(404);
        given().queryParam("tenant", mine).when().get("/api/assistants").then().statusCode(200).body("$", empty());

        assertThat(assistants.find(owner, "hr").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void should_answer_400_naming_the_problem_when_the_input_is_bad() {
        String tenant = fresh("t");

        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR.replace("\"hybrid\"", "\"fuzzy\""))
                .when().post("/api/assistants")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("retrievalMode"));
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR.replace("\"topK\":6", "\"topK\":0"))
                .when().post("/api/assistants")
                .then().statusCode(400).body("message", containsString("topK"));
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR.replace("\"HR helper\"", "\"\""))
                .when().post("/api/assistants")
                .then().statusCode(400).body("message", containsString("name"));
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR).post("/api/assistants");
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR)
                .when().put("/api/assistants/hr")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("If-Match"));
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).header("If-Match", "latest").body(HR)
                .when().put("/api/assistants/hr")
                .then().statusCode(400).body("message", containsString("If-Match"));
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(HR)
                .when().post("/api/assistants")
                .then().statusCode(409).body("kind", equalTo("CONFLICT"));
    }
}
