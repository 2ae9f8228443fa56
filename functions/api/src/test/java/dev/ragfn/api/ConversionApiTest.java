package dev.ragfn.api;

import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.ConversionPage;
import dev.ragfn.core.port.ConversionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.ragfn.api.Fixtures.NOW;
import static dev.ragfn.api.Fixtures.fresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** /api/conversions with ragfn.auth.mode=none: the tenant is the query's. */
@QuarkusTest
class ConversionApiTest {

    /** A literal public address: the URL rules judge it without DNS, which tests do not have. */
    private static final String REPOSITORY = "https://203.0.113.7/acme/shop.git";
    private static final String REPORT = "{\"pattern\":\"shop\",\"cluster_groups\":[\"hub\"],\"needs_human\":[\"check the route\"]}";

    @Inject
    ConversionStore conversions;
    @Inject
    RecordingPublisher broker;

    @Test
    @SuppressWarnings("unchecked")
    void should_record_and_publish_the_request_and_answer_202_with_its_id_when_a_repository_is_submitted() {
        String tenant = fresh("t");

        Response response = given().queryParam("tenant", tenant).contentType("application/json")
                .body(Map.of("repository", REPOSITORY, "ref", "release-1.2", "name", "shop"))
                .when().post("/api/conversions");

        response.then().statusCode(202).body("status", equalTo("REQUESTED")).body("source", equalTo(REPOSITORY))
                .header("Location", endsWith("/api/conversions/" + response.jsonPath().getString("id")));
        String id = response.jsonPath().getString("id");
        Conversion stored = conversions.find(tenant, id).orElseThrow();
        assertThat(stored.ref()).isEqualTo("release-1.2");
        List<RecordingPublisher.Published> published = broker.of(EventTypes.CONVERSION_REQUESTED, tenant);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.extensions()).containsEntry(EventAttributes.TENANT, tenant);
            assertThat((Map<String, Object>) event.data()).containsEntry("conversionId", id).containsEntry("source", REPOSITORY)
                    .containsEntry("ref", "release-1.2").containsEntry("name", "shop").containsEntry("tenant", tenant);
        });
    }

    @Test
    void should_refuse_with_400_and_record_nothing_when_the_repository_is_hostile_or_malformed() {
        String tenant = fresh("t");
        List<Map<String, String>> bad = List.of(
                Map.of("repository", "http://127.0.0.1:9200/x.git"),
                Map.of("repository", "http://localhost/x.git"),
                Map.of("repository", "http://169.254.169.254/latest/meta-data/x.git"),
                Map.of("repository", "http://[::1]/x.git"),
                Map.of("repository", "https://10.0.0.5/internal/x.git"),
                Map.of("repository", "http://metadata.google.internal/x.git"),
                Map.of("repository", "ssh://git@203.0.113.7/acme/shop.git"),
                Map.of("repository", "git@203.0.113.7:acme/shop.git"),
                Map.of("repository", "s3://bucket/shop.zip"),
                Map.of("repository", "file:///etc"),
                Map.of("repository", "/etc"),
                Map.of("repository", "https://bot:s3cret@203.0.113.7/acme/shop.git"),
                Map.of("repository", "https:///no-host"),
                Map.of("repository", " "),
                Map.of("ref", "main"),
                Map.of("repository", REPOSITORY, "ref", "--upload-pack=touch /tmp/x"),
                Map.of("repository", REPOSITORY, "name", "Not A Name"));

        for (Map<String, String> body : bad) {
            given().queryParam("tenant", tenant).contentType("application/json").body(body)
                    .when().post("/api/conversions")
                    .then().statusCode(400).body("kind", equalTo("INVALID_INPUT"));
        }
        given().queryParam("tenant", tenant).contentType("application/json").body("not json")
                .when().post("/api/conversions").then().statusCode(400).body("kind", equalTo("INVALID_INPUT"));
        given().queryParam("tenant", tenant).contentType("application/json")
                .when().post("/api/conversions").then().statusCode(400).body("kind", equalTo("INVALID_INPUT"));

        given().queryParam("tenant", tenant).contentType("application/json")
                .body(Map.of("repository", "https://bot:s3cret@203.0.113.7/acme/shop.git"))
                .when().post("/api/conversions").then().body("message", containsString("credentials"))
                .body("message", org.hamcrest.Matchers.not(containsString("s3cret")));
        given().queryParam("tenant", tenant).contentType("application/json")
                .body(Map.of("repository", "http://169.254.169.254/latest/meta-data/x.git"))
                .when().post("/api/conversions").then().body("message", containsString("Refusing to fetch from host"));
        assertThat(conversions.list(tenant, null, 10).conversions()).isEmpty();
        assertThat(broker.of(EventTypes.CONVERSION_REQUESTED, tenant)).isEmpty();
    }

    @Test
    void should_list_newest_first_a_page_at_a_time_when_a_tenant_has_several() {
        String tenant = fresh("t");
        for (int i = 0; i < 3; i++) {
            conversions.submit(Conversion.requested(tenant, "c" + i, REPOSITORY, null, null, NOW.plusSeconds(i)));
        }

        String next = ConversionPage.cursor(conversions.find(tenant, "c1").orElseThrow());

        given().queryParam("tenant", tenant).queryParam("limit", 2).when().get("/api/conversions")
                .then().statusCode(200).body("conversions.id", contains("c2", "c1")).body("next", equalTo(next));
        given().queryParam("tenant", tenant).queryParam("limit", 2).queryParam("after", next).when().get("/api/conversions")
                .then().statusCode(200).body("conversions.id", contains("c0")).body("next", nullValue());
        given().queryParam("tenant", tenant).queryParam("limit", "many").when().get("/api/conversions")
                .then().statusCode(400).body("message", containsString("limit"));
        given().queryParam("tenant", tenant).queryParam("limit", 0).when().get("/api/conversions")
                .then().statusCode(400).body("message", containsString("limit"));
    }

    @Test
    void should_serve_the_report_and_the_zip_when_the_conversion_is_done() {
        String tenant = fresh("t");
        String id = fresh("c");
        byte[] zip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        conversions.submit(Conversion.requested(tenant, id, REPOSITORY, null, null, NOW));
        conversions.start(tenant, id, NOW, Duration.ofMinutes(1));
        conversions.finish(tenant, id, "shop", REPORT, zip, NOW.plusSeconds(5));

        given().queryParam("tenant", tenant).when().get("/api/conversions/" + id)
                .then().statusCode(200).body("conversion.status", equalTo("DONE"))
                .body("conversion.pattern", equalTo("shop"))
                .body("report.cluster_groups", contains("hub")).body("report.needs_human", contains("check the route"));
        Response download = given().queryParam("tenant", tenant).when().get("/api/conversions/" + id + "/pattern.zip");
        download.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", equalTo("attachment; filename=\"shop.zip\""));
        assertThat(download.asByteArray()).isEqualTo(zip);
    }

    @Test
    void should_answer_the_status_without_a_report_and_409_for_the_zip_when_the_conversion_is_not_done() {
        String tenant = fresh("t");
        String id = fresh("c");
        conversions.submit(Conversion.requested(tenant, id, REPOSITORY, null, null, NOW));
        conversions.start(tenant, id, NOW, Duration.ofMinutes(1));
        conversions.fail(tenant, id, "Host '203.0.113.7' answered 404", NOW.plusSeconds(3));

        given().queryParam("tenant", tenant).when().get("/api/conversions/" + id)
                .then().statusCode(200).body("conversion.status", equalTo("FAILED"))
                .body("conversion.reason", containsString("404")).body("report", nullValue());
        given().queryParam("tenant", tenant).when().get("/api/conversions/" + id + "/pattern.zip")
                .then().statusCode(409).contentType("application/json").body("kind", equalTo("CONFLICT"))
                .body("message", containsString("FAILED"));
    }

    @Test
    void should_answer_404_and_show_nothing_when_another_tenant_names_a_conversion() {
        String owner = fresh("owner");
        String id = fresh("c");
        conversions.submit(Conversion.requested(owner, id, REPOSITORY, null, null, NOW));
        conversions.start(owner, id, NOW, Duration.ofMinutes(1));
        conversions.finish(owner, id, "shop", REPORT, new byte[] {1, 2}, NOW);
        String mine = fresh("t");

        given().queryParam("tenant", mine).when().get("/api/conversions/" + id)
                .then().statusCode(404).body("kind", equalTo("NOT_FOUND"));
        given().queryParam("tenant", mine).when().get("/api/conversions/" + id + "/pattern.zip")
                .then().statusCode(404).body("kind", equalTo("NOT_FOUND"));
        given().queryParam("tenant", mine).when().get("/api/conversions").then().statusCode(200)
                .body("conversions", empty());
        given().queryParam("tenant", mine).queryParam("after", ConversionPage.cursor(conversions.find(owner, id).orElseThrow()))
                .when().get("/api/conversions").then().statusCode(200).body("conversions", empty());
    }

    @Test
    void should_page_from_where_the_cursor_would_be_when_no_conversion_of_the_tenant_is_there() {
        String tenant = fresh("t");
        for (int i = 0; i < 3; i++) {
            conversions.submit(Conversion.requested(tenant, "c" + i, REPOSITORY, null, null, NOW.plusSeconds(i)));
        }
        // The cursor of a conversion between c1 and c2 that is not (or no longer) there.
        String gone = ConversionPage.cursor(Conversion.requested(tenant, "gone", REPOSITORY, null, null, NOW.plusMillis(1500)));

        given().queryParam("tenant", tenant).queryParam("after", gone).when().get("/api/conversions")
                .then().statusCode(200).body("conversions.id", contains("c1", "c0")).body("next", nullValue());
    }
}
