package dev.ragfn.bundle;

import dev.ragfn.core.event.EventTypes;
import dev.ragfn.testing.PrometheusServer;
import dev.ragfn.testing.SseClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * The bundle's /q/metrics as an operator sees them: the real Prometheus of infra/prometheus.sh
 * scrapes the running bundle after documents were ingested, a question answered and a search
 * made, and its HTTP API answers for the ragfn_* series and Quarkus' HTTP metrics.
 */
@QuarkusTest
@TestProfile(RealServersProfile.class)
// The same resources as ChatEndToEndIT and EventChainIT: one application, one tokenizer.
@WithTestResource(value = FakeChatModel.class, scope = TestResourceScope.GLOBAL)
class MetricsPrometheusIT {

    @TestHTTPResource("/")
    URI base;
    @TestHTTPResource("/chat/stream")
    URI stream;

    @Test
    void should_let_prometheus_scrape_function_ingest_retrieve_chat_and_shield_series_when_the_bundle_has_worked()
            throws Exception {
        // given: two documents, one that cannot be ingested, a streamed chat turn and a BM25 search
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        submit(kb, "vacation.md", "# Vacation\n\nEmployees get 25 days of paid vacation per year.", EventTypes.DOCUMENT_INDEXED);
        submit(kb, "vpn.md", "# VPN\n\nRemote staff connect through the WireGuard VPN.", EventTypes.DOCUMENT_INDEXED);
        submit(kb, "empty.md", "   ", EventTypes.DOCUMENT_FAILED);
        SseClient.Stream chat = SseClient.post(stream, Map.of("tenant", "acme", "knowledgeBases", List.of(kb),
                "message", "How many vacation days do employees get per year?"));
        assertThat(chat.status()).as("chat %s", chat.events()).isEqualTo(200);
        given().contentType("application/json")
                .body(Map.of("query", "VPN", "tenant", "acme", "knowledgeBases", List.of(kb), "mode", "bm25"))
                .post("/retrieve").then().statusCode(200);

        // when: the real Prometheus scrapes the bundle
        PrometheusServer prometheus = PrometheusServer.scraping(MetricsPrometheusIT.class, base.getHost() + ":" + base.getPort());

        // then: each family of series is there, labelled by bounded values only
        assertThat(prometheus.value("sum(ragfn_ingest_documents_total{outcome=\"chunked\"})")).isGreaterThanOrEqualTo(2);
        assertThat(prometheus.value("sum(ragfn_ingest_chunks_total)")).isGreaterThanOrEqualTo(2);
        assertThat(prometheus.value("sum(ragfn_ingest_bytes_total)")).isGreaterThan(50);
        assertThat(prometheus.value("sum(ragfn_ingest_failures_total{reason=\"invalid_input\"})")).isGreaterThanOrEqualTo(1);
        assertThat(prometheus.value("sum(ragfn_function_invocations_seconds_count{function=\"ingest\",outcome=\"success\"})"))
                .isGreaterThanOrEqualTo(3);
        assertThat(prometheus.value("sum(ragfn_function_invocations_seconds_count{function=\"embed\"})")).isGreaterThanOrEqualTo(2);
        assertThat(prometheus.value("sum(ragfn_function_invocations_seconds_count{function=\"retrieve\"})")).isGreaterThanOrEqualTo(1);
        assertThat(prometheus.value("sum(ragfn_embedding_batch_seconds_count)")).isGreaterThanOrEqualTo(2);
        assertThat(prometheus.value("sum(ragfn_retrieve_seconds_count{mode=\"bm25\"})")).isGreaterThanOrEqualTo(1);
        assertThat(prometheus.value("sum(ragfn_retrieve_seconds_count{mode=\"hybrid\"})")).isGreaterThanOrEqualTo(1);
        assertThat(prometheus.value("histogram_quantile(0.99, sum by (le) (ragfn_retrieve_seconds_bucket))")).isPositive();
        assertThat(prometheus.value("sum(ragfn_chat_time_to_first_token_seconds_count)")).isGreaterThanOrEqualTo(1);
        assertThat(prometheus.value("sum(ragfn_chat_tokens_total{type=\"output\"})")).isPositive();
        assertThat(prometheus.value("sum(ragfn_shield_verdicts_total{direction=\"input\"})")).isGreaterThanOrEqualTo(1);
        assertThat(prometheus.value("sum(http_server_requests_seconds_count{uri=\"/retrieve\",status=\"200\"})"))
                .isGreaterThanOrEqualTo(1);
        assertThat(prometheus.query("count by (__name__) ({__name__=~\"ragfn_.+\",tenant!=\"\"})"))
                .as("ragfn series labelled by tenant").isEmpty();
        assertThat(prometheus.query("count by (__name__) ({__name__=~\"ragfn_.+\",knowledgeBase!=\"\"})")).isEmpty();
    }

    private static void submit(String kb, String documentId, String markdown, String outcome) {
        given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", EventTypes.DOCUMENT_SUBMITTED).header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb)
                .contentType("application/json")
                .body(Map.of("documentId", documentId, "text", markdown, "contentType", "text/markdown"))
                .post("/events")
                .then().statusCode(200)
                .body("type", hasItem(outcome));
    }
}
