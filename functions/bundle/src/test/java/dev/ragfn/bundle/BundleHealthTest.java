package dev.ragfn.bundle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class BundleHealthTest {

    /** The embedding model loads beside the start-up, and readiness waits for it: so do these tests. */
    @BeforeEach
    void awaitModelLoaded() throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (given().when().get("/q/health/ready").statusCode() != 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
    }

    @Test
    void should_report_the_embedding_model_once_it_has_loaded() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'ragfn-embedding-model' }.status", equalTo("UP"));
    }

    @Test
    void should_report_ready_with_the_embedded_stores_when_started_on_defaults() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("ragfn-stores"))
                .body("checks.find { it.name == 'ragfn-stores' }.data.documentStore", startsWith("embedded"))
                .body("checks.find { it.name == 'ragfn-stores' }.data.index", startsWith("lucene"));
    }

    @Test
    void should_name_the_stores_without_their_paths_when_health_is_shown() {
        String dataDir = Path.of("target/test-data").toAbsolutePath().toString();
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("checks.find { it.name == 'ragfn-stores' }.data.documentStore", equalTo("embedded (documents)"))
                .body("checks.find { it.name == 'ragfn-stores' }.data.index", equalTo("lucene (index)"))
                .body(not(containsString(dataDir)));
    }

    @Test
    void should_report_live_when_started() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
