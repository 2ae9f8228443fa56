package dev.ragfn.convert;

import dev.ragfn.convert.source.SilentServer;
import dev.ragfn.core.event.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ConvertFunctionTest {

    @Test
    void should_reply_conversion_completed_and_match_the_cli_byte_for_byte_when_a_binary_event_arrives() throws IOException {
        // given
        String data = event("conversion-requested.json");

        // when
        Response response = given()
                .header("ce-id", "conv-binary-1").header("ce-specversion", "1.0")
                .header("ce-type", EventTypes.CONVERSION_REQUESTED).header("ce-source", "/ragfn/tests")
                .contentType("application/json").body(data)
                .post("/");

        // then
        response.then().statusCode(200).header("ce-type", EventTypes.CONVERSION_COMPLETED).header("ce-source", "/ragfn/convert");
        assertThat(response.jsonPath().getString("pattern")).isEqualTo("rag-from-event");
        assertThat(response.jsonPath().getList("files", String.class)).contains("values-hub.yaml", "charts/all/rag-assistant/Chart.yaml");
        assertThat(response.jsonPath().getBoolean("detections.find { it.category == 'rag-vector-db' }.detected")).isTrue();
        Path functionOut = Path.of(response.jsonPath().getString("outputDir"));

        Path cliOut = Path.of("target/test-data/cli/rag-from-event");
        if (Files.exists(cliOut)) {
            try (var paths = Files.walk(cliOut)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = ConvertCli.run(new String[] {"convert", "src/test/resources/repos/rag-umbrella", "--out", cliOut.toString(),
                "--name", "rag-from-event"}, new PrintStream(stdout), System.err);
        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Pattern 'rag-from-event' written to");
        assertThat(Fixtures.tree(cliOut)).isEqualTo(Fixtures.tree(functionOut));
    }

    @Test
    void should_return_the_pattern_as_a_zip_when_a_structured_event_asks_for_an_archive() throws IOException {
        // when
        Response response = given().contentType("application/cloudevents+json").body(event("conversion-requested.cloudevent.json"))
                .post("/");

        // then
        response.then().statusCode(200);
        assertThat(response.jsonPath().getString("type")).isEqualTo(EventTypes.CONVERSION_COMPLETED);
        assertThat(response.jsonPath().getList("data.clusterGroups", String.class)).containsExactly("hub", "site-east", "site-west");
        byte[] zip = Base64.getDecoder().decode(response.jsonPath().getString("data.zipBase64"));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            assertThat(in.getNextEntry().getName()).startsWith("sites-from-event/");
        }
    }

    @Test
    void should_route_with_the_shared_event_types_when_the_properties_are_read() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.funqy.knative-events.mapping.convert.trigger")).isEqualTo(EventTypes.CONVERSION_REQUESTED);
        assertThat(properties.getProperty("quarkus.funqy.knative-events.mapping.convert.response-type"))
                .isEqualTo(EventTypes.CONVERSION_COMPLETED);
    }

    @Test
    void should_refuse_a_loopback_git_url_without_connecting_or_echoing_when_a_request_names_one() throws IOException {
        try (SilentServer canary = SilentServer.silent()) {
            for (String source : List.of("http://127.0.0.1:" + canary.port() + "/x.git", "http://127.0.0.1:9200/x.git",
                    "http://[::1]:" + canary.port() + "/x.git", "http://169.254.169.254/latest/meta-data/x.git")) {
                // when
                Response response = given().contentType("application/json").body(Map.of("source", source)).post("/convert");

                // then
                response.then().statusCode(400);
                assertThat(response.jsonPath().getString("kind")).isEqualTo("INVALID_INPUT");
                assertThat(response.jsonPath().getString("message")).contains("Refusing to fetch from host")
                        .doesNotContain("no handler found");
            }
            assertThat(canary.connections()).isZero();
        }
    }

    private static String event(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/events", name));
    }

    @Test
    void should_be_ready_without_opening_the_document_store_or_index_when_convert_reads_neither() {
        // when: the readiness probe Knative waits for before the first request
        given().get("/q/health/ready")

                // then: up, and the stores convert never reads were not opened for it
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("ragfn-stores")));
    }
}
