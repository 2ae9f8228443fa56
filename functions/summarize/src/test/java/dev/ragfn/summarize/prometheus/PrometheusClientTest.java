package dev.ragfn.summarize.prometheus;

import com.sun.net.httpserver.HttpServer;
import dev.ragfn.core.error.RagfnException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's HTTP behaviour against a stand-in server: auth, special values, error kinds. */
class PrometheusClientTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final String MATRIX = """
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"le":"1"},
             "values":[[1772409600,"1.5"],[1772409660,"NaN"],[1772409720,"+Inf"],[1772409780,"-Inf"]]}]}}""";

    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/query_range", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = body.contains("query=bad") ? 400 : 200;
            byte[] answer = (status == 400 ? "{\"status\":\"error\",\"error\":\"parse error at char 4\"}" : MATRIX)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/api/v1/label/__name__/values", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void should_send_the_token_and_keep_special_values_when_a_range_query_succeeds() {
        PrometheusClient client = client(Optional.of("s3cret"));

        List<PrometheusClient.RangeSeries> result = client.queryRange("up", START, START.plusSeconds(180), Duration.ofMinutes(1));

        assertThat(authorization.get()).isEqualTo("Bearer s3cret");
        assertThat(result).singleElement().satisfies(series -> {
            assertThat(series.labels()).containsEntry("le", "1");
            assertThat(series.samples()).extracting(s -> s.value())
                    .containsExactly(1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
            assertThat(series.samples().getFirst().time()).isEqualTo(Instant.ofEpochSecond(1772409600));
        });
    }

    @Test
    void should_send_no_authorization_when_no_token_is_configured() {
        client(Optional.empty()).queryRange("up", START, START.plusSeconds(60), Duration.ofMinutes(1));

        assertThat(authorization.get()).isNull();
    }

    @Test
    void should_raise_a_bad_query_with_prometheus_message_when_the_query_is_rejected() {
        assertThatThrownBy(() -> client(Optional.empty()).queryRange("bad(", START, START.plusSeconds(60), Duration.ofMinutes(1)))
                .isInstanceOf(PrometheusException.class)
                .hasMessageContaining("parse error at char 4")
                .satisfies(e -> assertThat(((RagfnException) e).kind()).isEqualTo(RagfnException.Kind.INVALID_INPUT));
    }

    @Test
    void should_raise_unavailable_naming_the_token_setting_when_credentials_are_refused() {
        assertThatThrownBy(() -> client(Optional.empty()).metricNames(List.of("{__name__=~\"vllm:.*\"}"), START, START.plusSeconds(60)))
                .isInstanceOf(PrometheusException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("bearer-token")
                .satisfies(e -> assertThat(((RagfnException) e).kind()).isEqualTo(RagfnException.Kind.UNAVAILABLE));
    }

    private PrometheusClient client(Optional<String> token) {
        return new PrometheusClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), () -> token,
                true, Duration.ofSeconds(5));
    }
}
