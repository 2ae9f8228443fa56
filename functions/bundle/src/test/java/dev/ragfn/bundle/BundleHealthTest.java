package dev.ragfn.bundle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class BundleHealthTest {

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
    void should_report_live_when_started() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
