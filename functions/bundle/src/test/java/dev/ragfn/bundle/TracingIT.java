package dev.ragfn.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.bundle.OtlpReceiver.ReceivedSpan;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.testing.SseClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle with tracing on, exporting by OTLP/HTTP to a receiver in the test: a submitted
 * document's trace goes on through the local broker (the CloudEvents traceparent extension) from
 * document.submitted to document.indexed, and a chat turn's trace holds its retrieval, its model
 * call (with the generative-AI attributes) and both shield checks. The same application writes
 * JSON log lines, as deployed functions do: each carries the invocation's context, never the content.
 */
@QuarkusTest
@WithTestResource(value = FakeChatModel.class, scope = TestResourceScope.GLOBAL)
// Restricted to this class: a global resource would switch tracing on for every test of the module.
@WithTestResource(value = OtlpReceiver.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TracingIT {

    @TestHTTPResource("/chat/stream")
    URI stream;

    @Test
    void should_keep_one_trace_from_document_submitted_to_document_indexed_when_the_event_carries_a_traceparent()
            throws Exception {
        // given: a submission that carries the sender's trace context
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);

        // when
        JsonPath results = given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", EventTypes.DOCUMENT_SUBMITTED).header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb).header("ce-traceparent", traceparent)
                .contentType("application/json")
                .body(Map.of("documentId", "runbook.md", "text", "# Runbook\n\nPages are acknowledged within two minutes.",
                        "contentType", "text/markdown"))
                .post("/events").then().statusCode(200).extract().jsonPath();

        // then: ingest, embed and the index write belong to the sender's trace, and so does the result event
        assertThat(results.getList("type")).contains(EventTypes.DOCUMENT_INDEXED);
        List<ReceivedSpan> trace = await(traceId, names -> names.containsAll(List.of("ingest", "embed", "index.upsert")));
        assertThat(trace).extracting(ReceivedSpan::name).contains("ingest", "embed", "index.upsert", "embeddings");
        ReceivedSpan ingest = span(trace, "ingest");
        ReceivedSpan embed = span(trace, "embed");
        assertThat(ingest.parentSpanId()).isEqualTo(traceparent.substring(36, 52));
        assertThat(embed.parentSpanId()).as("embed continues from ingest's answer").isEqualTo(ingest.spanId());
        assertThat(ingest.attributes()).containsEntry("cloudevents.event_type", EventTypes.DOCUMENT_SUBMITTED);
        String indexedTraceparent = results.getString("find { it.type == '" + EventTypes.DOCUMENT_INDEXED + "' }.traceparent");
        if (indexedTraceparent == null) {
            indexedTraceparent = results.getString("find { it.type == '" + EventTypes.DOCUMENT_INDEXED + "' }.extensions.traceparent");
        }
        assertThat(indexedTraceparent).as("document.indexed %s", results.prettify()).contains(traceId);
    }

    @Test
    void should_trace_retrieval_model_and_shield_in_one_trace_when_a_chat_turn_is_streamed() throws Exception {
        // given
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", EventTypes.DOCUMENT_SUBMITTED).header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb).contentType("application/json")
                .body(Map.of("documentId", "vacation.md", "text", "# Vacation\n\nEmployees get 25 days of paid vacation per year.",
                        "contentType", "text/markdown"))
                .post("/events").then().statusCode(200);

        // when
        SseClient.Stream answer = SseClient.post(stream, Map.of("tenant", "acme", "knowledgeBases", List.of(kb),
                "message", "How many vacation days do employees get per year?"));

        // then
        assertThat(answer.status()).isEqualTo(200);
        JsonNode done = answer.done();
        ReceivedSpan model = awaitSpan(s -> s.name().startsWith("chat ") && s.attributes().containsKey("gen_ai.request.model"));
        assertThat(model.attributes()).containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.usage.input_tokens", String.valueOf(done.get("promptTokens").asInt()))
                .containsEntry("gen_ai.usage.output_tokens", String.valueOf(done.get("completionTokens").asInt()));
        List<ReceivedSpan> trace = await(model.traceId(),
                names -> names.containsAll(List.of("retrieve", "shield input", "shield output")));
        assertThat(trace).extracting(ReceivedSpan::name).contains("retrieve", "shield input", "shield output", "index.textSearch");
    }

    @Test
    void should_log_json_lines_with_trace_function_event_and_tenant_but_no_document_text_when_ingesting() throws Exception {
        // given
        String eventId = UUID.randomUUID().toString();
        String secretSentence = "The vault combination is kept by the night porter " + UUID.randomUUID();
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);

        // when
        given().header("ce-specversion", "1.0").header("ce-id", eventId)
                .header("ce-type", EventTypes.DOCUMENT_SUBMITTED).header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb).contentType("application/json")
                .body(Map.of("documentId", "vault.md", "text", "# Vault\n\n" + secretSentence, "contentType", "text/markdown"))
                .post("/events").then().statusCode(200);

        // then: ingest's INFO line about the document is JSON with the invocation's context
        ObjectMapper json = new ObjectMapper();
        JsonNode chunked = await(() -> Files.readAllLines(OtlpReceiver.LOG_FILE).stream()
                .filter(line -> line.contains("Chunked") && line.contains(kb)).findFirst()
                .map(line -> read(json, line)).orElse(null));
        assertThat(chunked.path("level").asText()).isEqualTo("INFO");
        JsonNode mdc = chunked.path("mdc");
        assertThat(mdc.path("function").asText()).isEqualTo("ingest");
        assertThat(mdc.path("eventId").asText()).isEqualTo(eventId);
        assertThat(mdc.path("tenant").asText()).isEqualTo("acme");
        assertThat(mdc.path("traceId").asText()).hasSize(32);
        assertThat(mdc.path("spanId").asText()).hasSize(16);
        assertThat(Files.readString(OtlpReceiver.LOG_FILE)).doesNotContain(secretSentence);
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON log line: " + line, e);
        }
    }

    private interface Probe<T> {
        T get() throws IOException;
    }

    private static <T> T await(Probe<T> probe) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        T found;
        while ((found = probe.get()) == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(found).as("log line").isNotNull();
        return found;
    }

    private static ReceivedSpan span(List<ReceivedSpan> trace, String name) {
        return trace.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The spans of a trace once they include what {@code complete} asks for; exports come in batches. */
    private static List<ReceivedSpan> await(String traceId, Predicate<List<String>> complete) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<ReceivedSpan> trace;
        do {
            trace = OtlpReceiver.SPANS.stream().filter(s -> s.traceId().equals(traceId)).toList();
            if (complete.test(trace.stream().map(ReceivedSpan::name).toList())) {
                return trace;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return trace;
    }

    private static ReceivedSpan awaitSpan(Predicate<ReceivedSpan> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            var found = OtlpReceiver.SPANS.stream().filter(wanted).reduce((first, last) -> last);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no such span among " + OtlpReceiver.SPANS.stream().map(ReceivedSpan::name).toList());
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros, which W3C trace context calls invalid
        return bytes;
    }
}
