package dev.ragfn.bundle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The management API in the bundle: an upload goes through the local broker to ingest and embed, and
 * its status, followed from the 202's Location, reaches INDEXED; the Swagger UI ships with it.
 */
@QuarkusTest
class BundleApiTest {

    @Test
    void should_index_an_uploaded_file_through_the_local_broker_when_its_status_is_followed() throws InterruptedException {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        given().queryParam("tenant", tenant).contentType("application/json").body("{\"knowledgeBase\":\"handbook\"}")
                .when().post("/api/knowledge-bases").then().statusCode(201);

        String location = given().queryParam("tenant", tenant)
                .multiPart("file", "vacation.md", "# Vacation\n\nEmployees get 25 days of paid vacation per year."
                        .getBytes(StandardCharsets.UTF_8), "text/markdown")
                .when().post("/api/knowledge-bases/handbook/documents")
                .then().statusCode(202).body("documentId", equalTo("vacation.md")).extract().header("Location");

        // The chain runs on its own thread after the 202; a generous bound, since the machine is shared.
        String status = "";
        for (Instant until = Instant.now().plus(Duration.ofSeconds(120)); Instant.now().isBefore(until); Thread.sleep(250)) {
            status = given().queryParam("tenant", tenant).when().get(location).then().statusCode(200).extract().path("status");
            if (status.equals("INDEXED") || status.equals("FAILED")) {
                break;
            }
        }
        assertThat(status).isEqualTo("INDEXED");
        given().queryParam("tenant", tenant).when().get("/api/knowledge-bases/handbook")
                .then().statusCode(200).body("documents", equalTo(1)).body("documentsByStatus.INDEXED", equalTo(1));
    }

    @Test
    void should_serve_the_swagger_ui_when_the_bundle_runs() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
