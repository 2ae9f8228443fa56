package dev.ragfn.convert;

import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.domain.Conversion.Status;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.ConversionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every conversion convert runs is recorded in the tenant's conversion store, once per request. */
@QuarkusTest
class ConversionRecordTest {

    private static final String REPO = "src/test/resources/repos/kustomize-sites";

    @Inject
    ConversionStore conversions;

    @Test
    void should_record_the_report_and_the_zip_once_when_an_event_is_delivered_twice() throws IOException {
        // given
        String tenant = fresh("t");
        String id = "ev-" + UUID.randomUUID();

        // when
        Response first = deliver(id, tenant, Map.of("source", REPO, "name", "sites"));
        Response again = deliver(id, tenant, Map.of("source", REPO, "name", "sites"));

        // then
        first.then().statusCode(200).header("ce-type", EventTypes.CONVERSION_COMPLETED);
        again.then().statusCode(200);
        assertThat(again.jsonPath().getString("conversionId")).isEqualTo(first.jsonPath().getString("conversionId"));
        assertThat(again.jsonPath().getList("files", String.class)).isEqualTo(first.jsonPath().getList("files", String.class));
        assertThat(again.jsonPath().getList("clusterGroups", String.class)).containsExactly("hub", "site-east", "site-west");
        assertThat(again.jsonPath().getList("detections")).isEqualTo(first.jsonPath().getList("detections"));
        List<Conversion> recorded = conversions.list(tenant, null, 10).conversions();
        assertThat(recorded).hasSize(1);
        Conversion done = recorded.getFirst();
        assertThat(done.id()).isEqualTo(first.jsonPath().getString("conversionId"));
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.pattern()).isEqualTo("sites");
        assertThat(done.source()).isEqualTo(REPO);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(conversions.report(tenant, done.id()).orElseThrow()).contains("\"cluster_groups\"", "site-east");
        assertThat(entries(conversions.patternZip(tenant, done.id()).orElseThrow()))
                .contains("sites/values-hub.yaml", "sites/conversion-report.json");
    }

    @Test
    void should_complete_the_conversion_the_request_names_when_it_carries_an_id() {
        // given: the management API recorded the request before publishing it
        String tenant = fresh("t");
        String id = fresh("c");
        conversions.submit(Conversion.requested(tenant, id, REPO, null, null, java.time.Instant.now()));

        // when
        Response response = deliver(UUID.randomUUID().toString(), tenant, Map.of("source", REPO, "conversionId", id));

        // then
        response.then().statusCode(200);
        assertThat(response.jsonPath().getString("conversionId")).isEqualTo(id);
        assertThat(conversions.list(tenant, null, 10).conversions()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.DONE));
    }

    @Test
    void should_record_the_failure_and_its_reason_when_the_source_does_not_exist() {
        // given
        String tenant = fresh("t");

        // when
        Response response = deliver(UUID.randomUUID().toString(), tenant,
                Map.of("source", "src/test/resources/no-such-repo"));

        // then
        response.then().statusCode(404);
        assertThat(conversions.list(tenant, null, 10).conversions()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.FAILED);
            assertThat(c.reason()).contains("no-such-repo", "does not exist");
        });
    }

    private static Response deliver(String eventId, String tenant, Map<String, Object> data) {
        return given()
                .header("ce-id", eventId).header("ce-specversion", "1.0")
                .header("ce-type", EventTypes.CONVERSION_REQUESTED).header("ce-source", "/ragfn/tests")
                .header("ce-tenant", tenant)
                .contentType("application/json").body(data)
                .post("/");
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
