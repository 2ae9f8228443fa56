package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragfn.testing.InfraServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged Lambda form: each function.zip, unpacked as Lambda unpacks it, takes the input
 * that the template's rule or schedule makes of a sample event. The functions that embed call Bedrock,
 * here a local stub of its protocol ({@link BedrockStub}). Opt-in, since only `-Plambda` builds the zips:
 * `./mvnw -pl tools/sam-check verify -Dragfn.lambda-zips=true`.
 */
@EnabledIfSystemProperty(named = "ragfn.lambda-zips", matches = "true")
class LambdaZipTest {

    private static final String TITAN_V2_INVOKE = "/model/amazon.titan-embed-text-v2%3A0/invoke";

    private final Template template = Template.load();
    private BedrockStub bedrock;

    @BeforeEach
    void start_bedrock() throws IOException {
        bedrock = BedrockStub.start();
    }

    @AfterEach
    void stop_bedrock() {
        bedrock.close();
    }

    @Test
    void should_answer_a_summary_when_the_schedule_fires() throws Exception {
        // given
        String input = template.properties("SummarizeFunction").path("Events").path("DailyModelServingSummary")
                .path("Properties").path("Input").asText();

        // when: no Prometheus listens on the discard port, so the summary says the source is unavailable; the
        // package carries only the DynamoDB store, which the template's globals choose
        Map<String, String> env = new HashMap<>(cloudStores());
        env.put("RAGFN_SUMMARIZE_PROMETHEUS_URL", "http://127.0.0.1:9");
        JsonNode answer = invoke("summarize", input, env);

        // then
        assertThat(answer.path("status").asText()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(answer.path("markdown").asText()).startsWith("# Serving summary");
    }

    @Test
    void should_redact_the_email_when_shield_is_called_through_the_http_api() throws Exception {
        // given: the event the HTTP API hands the function once its JWT authorizer has let the call through;
        // the function's own token check is tested with the auth code, so it is off here
        String request = Files.readString(Repo.sam("events/shield-request.json"));
        String event = httpApiEvent("POST", "/shield", request);

        // when
        JsonNode response = invoke("shield", event, Map.of("RAGFN_AUTH_MODE", "none"));

        // then
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode verdict = Repo.JSON.readTree(response.path("body").asText());
        assertThat(verdict.path("decision").asText()).isEqualTo("REDACT");
        assertThat(verdict.path("text").asText()).doesNotContain("bob@example.com");
    }

    @Test
    void should_answer_no_passages_when_retrieve_is_called_through_the_http_api_on_an_empty_store() throws Exception {
        // given
        Map<String, String> env = new HashMap<>(cloudStores());
        env.put("RAGFN_AUTH_MODE", "none");

        // when
        JsonNode response = invoke("retrieve", httpApiEvent("POST", "/retrieve",
                "{\"tenant\": \"acme\", \"knowledgeBases\": [\"handbook\"], \"query\": \"How do I rotate credentials?\"}"), env);

        // then
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        assertThat(Repo.JSON.readTree(response.path("body").asText()).path("passages").isArray()).isTrue();
    }

    @Test
    void should_serve_funqy_and_quarkus_rest_routes_when_chat_turn_is_called_through_the_http_api() throws Exception {
        // given: empty tables and index, so that the answer says nothing was found
        Map<String, String> env = new HashMap<>(cloudStores());
        env.put("RAGFN_AUTH_MODE", "none");
        String question = "{\"tenant\": \"acme\", \"knowledgeBases\": [\"handbook\"], \"message\": \"How do I rotate credentials?\"}";

        // when: POST /chat is Funqy's route, GET /chat/sessions and POST /chat/stream Quarkus REST's
        JsonNode chat = invoke("chat-turn", httpApiEvent("POST", "/chat", question), env);
        JsonNode sessions = invoke("chat-turn", httpApiEvent("GET", "/chat/sessions", null, "tenant=acme"), env);
        JsonNode stream = invoke("chat-turn", httpApiEvent("POST", "/chat/stream", question), env);

        // then
        assertThat(chat.path("statusCode").asInt()).as(chat.toString()).isEqualTo(200);
        String sessionId = Repo.JSON.readTree(chat.path("body").asText()).path("sessionId").asText();
        assertThat(sessionId).isNotBlank();
        assertThat(sessions.path("statusCode").asInt()).as(sessions.toString()).isEqualTo(200);
        assertThat(Repo.JSON.readTree(sessions.path("body").asText()).findValuesAsText("id")).contains(sessionId);
        // the HTTP API buffers: the whole event stream arrives in one answer, ending with its done event
        assertThat(stream.path("statusCode").asInt()).as(stream.toString()).isEqualTo(200);
        assertThat(stream.path("body").asText()).contains("event:done");
    }

    @Test
    void should_answer_from_the_document_found_by_its_bedrock_vector_when_chat_turn_runs_in_its_zip_after_ingest_and_embed()
            throws Exception {
        // given: the sample document ingested and embedded by the zips; the template names no chat model, so
        // the answer is the extractive one, sentences of the passages found
        Map<String, String> store = cloudStores();
        indexSampleDocument(store);
        Map<String, String> env = new HashMap<>(store);
        env.put("RAGFN_AUTH_MODE", "none");
        int documentCalls = bedrock.calls().size();

        // when
        JsonNode response = invoke("chat-turn", httpApiEvent("POST", "/chat",
                "{\"tenant\": \"acme\", \"knowledgeBases\": [\"handbook\"], \"message\": \"How often should I rotate the API keys?\"}"), env);

        // then: the answer cites the document; the question went first to the same model at the same dimension as
        // the document, and so did the passages' sentences the extractive answer chose from
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode turn = Repo.JSON.readTree(response.path("body").asText());
        assertThat(turn.path("extractive").asBoolean()).as(turn.toString()).isTrue();
        assertThat(turn.path("answer").asText()).as(turn.toString()).contains("every 90 days");
        assertThat(turn.path("sources").path(0).path("document").path("documentId").asText()).as(turn.toString())
                .isEqualTo("rotate-credentials");
        List<BedrockStub.Call> turnCalls = bedrock.calls().subList(documentCalls, bedrock.calls().size());
        assertThat(turnCalls.getFirst())
                .isEqualTo(new BedrockStub.Call(TITAN_V2_INVOKE, "How often should I rotate the API keys?", templateDimension()));
        assertThat(turnCalls).extracting(BedrockStub.Call::path).containsOnly(TITAN_V2_INVOKE);
        assertThat(turnCalls).extracting(BedrockStub.Call::dimensions).containsOnly(templateDimension());
    }

    @Test
    void should_index_a_submitted_document_when_ingest_and_embed_run_in_their_zips_chained_through_the_bus()
            throws Exception {
        // given: fresh tables and a fresh index shared by both functions, as the deployed ones share them
        Map<String, String> store = cloudStores();
        EventBridge bus = new EventBridge(template, Map.of());
        JsonNode submitted = bus.deliver(Repo.json(Repo.sam("events/document-submitted.json")), EventBridge.BUS)
                .get("IngestFunction.DocumentSubmitted");

        // when: ingest answers, its OnSuccess destination puts the answer on the bus, and embed's rule picks it up
        JsonNode chunksReady = invoke("ingest", submitted.toString(), store);
        ObjectNode result = Repo.json(Repo.sam("events/chunks-ready-result.json")).deepCopy();
        ((ObjectNode) result.path("detail")).set("requestPayload", submitted);
        ((ObjectNode) result.path("detail")).set("responsePayload", chunksReady);
        Map<String, JsonNode> embedInputs = bus.deliver(result, EventBridge.BUS);
        JsonNode indexed = invoke("embed", embedInputs.get("EmbedFunction.ChunksReadyResult").toString(), store);

        // then
        assertThat(chunksReady.path("type").asText()).isEqualTo("dev.ragfn.chunks.ready");
        assertThat(chunksReady.path("tenant").asText()).isEqualTo("acme");
        assertThat(chunksReady.path("knowledgebase").asText()).isEqualTo("handbook");
        assertThat(chunksReady.path("data").path("documentId").asText()).isEqualTo("rotate-credentials");
        assertThat(embedInputs).containsOnlyKeys("EmbedFunction.ChunksReadyResult");
        assertThat(indexed.path("type").asText()).isEqualTo("dev.ragfn.document.indexed");
        assertThat(indexed.path("tenant").asText()).isEqualTo("acme");
        assertThat(indexed.path("data").path("chunkCount").asInt()).isEqualTo(chunksReady.path("data").path("chunkCount").asInt());
        // every chunk was embedded by Titan V2 on Bedrock, at the template's dimension
        assertThat(bedrock.calls()).hasSize(chunksReady.path("data").path("chunkCount").asInt());
        assertThat(bedrock.calls()).extracting(BedrockStub.Call::path).containsOnly(TITAN_V2_INVOKE);
        assertThat(bedrock.calls()).extracting(BedrockStub.Call::dimensions).containsOnly(templateDimension());
        assertThat(bedrock.calls()).extracting(BedrockStub.Call::inputText).anyMatch(text -> text.contains("Rotate the API keys"));
    }

    @Test
    void should_find_the_document_by_its_bedrock_vector_when_retrieve_runs_in_its_zip_after_ingest_and_embed()
            throws Exception {
        // given: the sample document ingested and embedded by the zips into a fresh index
        Map<String, String> store = cloudStores();
        indexSampleDocument(store);
        Map<String, String> env = new HashMap<>(store);
        env.put("RAGFN_AUTH_MODE", "none");
        int documentCalls = bedrock.calls().size();

        // when
        JsonNode response = invoke("retrieve", httpApiEvent("POST", "/retrieve",
                "{\"tenant\": \"acme\", \"knowledgeBases\": [\"handbook\"], \"query\": \"How often should I rotate the API keys?\"}"), env);

        // then: the query went to the same model at the same dimension, and its vector found the chunk
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode passages = Repo.JSON.readTree(response.path("body").asText()).path("passages");
        assertThat(passages.path(0).path("documentId").asText()).as(passages.toString()).isEqualTo("rotate-credentials");
        assertThat(passages.path(0).path("ranks").path("vector").asInt()).as(passages.toString()).isEqualTo(1);
        assertThat(bedrock.calls().subList(documentCalls, bedrock.calls().size()))
                .containsExactly(new BedrockStub.Call(TITAN_V2_INVOKE, "How often should I rotate the API keys?", templateDimension()));
    }

    @Test
    void should_answer_nothing_when_ingest_in_its_zip_gets_the_same_event_again() throws Exception {
        // given: Lambda retries an asynchronous invocation with the same event
        Map<String, String> store = cloudStores();
        JsonNode submitted = new EventBridge(template, Map.of())
                .deliver(Repo.json(Repo.sam("events/document-submitted.json")), EventBridge.BUS)
                .get("IngestFunction.DocumentSubmitted");
        invoke("ingest", submitted.toString(), store);

        // when
        JsonNode again = invoke("ingest", submitted.toString(), store);

        // then
        assertThat(again).isNull();
    }

    /** Ingests the sample document and embeds its chunks, each in its zip, chained through the bus as deployed. */
    private void indexSampleDocument(Map<String, String> store) throws Exception {
        EventBridge bus = new EventBridge(template, Map.of());
        JsonNode submitted = bus.deliver(Repo.json(Repo.sam("events/document-submitted.json")), EventBridge.BUS)
                .get("IngestFunction.DocumentSubmitted");
        JsonNode chunksReady = invoke("ingest", submitted.toString(), store);
        ObjectNode result = Repo.json(Repo.sam("events/chunks-ready-result.json")).deepCopy();
        ((ObjectNode) result.path("detail")).set("requestPayload", submitted);
        ((ObjectNode) result.path("detail")).set("responsePayload", chunksReady);
        invoke("embed", bus.deliver(result, EventBridge.BUS).get("EmbedFunction.ChunksReadyResult").toString(), store);
    }

    /**
     * The stores the zips deploy with (they carry no embedded ones), on the local DynamoDB-protocol server and
     * OpenSearch: fresh tables and a fresh index for each test.
     */
    private static Map<String, String> cloudStores() {
        String name = "lambda-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("RAGFN_STORE", "dynamodb", "RAGFN_DYNAMODB_ENDPOINT", InfraServer.dynamoDb(),
                "RAGFN_DYNAMODB_TABLE_PREFIX", name + "-", "RAGFN_DYNAMODB_CREATE_TABLES", "true",
                "RAGFN_INDEX", "opensearch", "RAGFN_OPENSEARCH_URL", InfraServer.openSearch(),
                "RAGFN_OPENSEARCH_INDEX_NAME", name, "RAGFN_OPENSEARCH_AUTH", "none");
    }

    /**
     * Runs the module's handler in a JVM whose class path is its unpacked zip, as Lambda's java21 runtime does,
     * with the literal environment variables the template gives the function, then {@code env}. Null when the
     * function answered nothing.
     */
    private JsonNode invoke(String module, String event, Map<String, String> env) throws Exception {
        Path zip = Repo.root().resolve("functions").resolve(module).resolve("target/function.zip");
        assertThat(zip).as("build it with ./mvnw -Plambda -pl functions/" + module + " package").isRegularFile();
        Path task = unpack(zip, Path.of("target/lambda").resolve(module).toAbsolutePath());
        Path tmp = Files.createDirectories(Path.of("target/lambda-tmp").resolve(module).toAbsolutePath());

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // jboss-threads resets thread locals; the java21 runtime allows it, newer JDKs must be told
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp,
                "-cp", String.join(java.io.File.pathSeparator, Path.of("target/test-classes").toAbsolutePath().toString(),
                        task.toString(), task.resolve("lib") + "/*"),
                LambdaInvoker.class.getName(), template.handler(Template.functionId(module))));
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile()).redirectErrorStream(true);
        builder.environment().put("RAGFN_DATA_DIR", tmp.resolve("data").toString());
        builder.environment().put("DJL_CACHE_DIR", tmp.resolve("djl").toString());
        builder.environment().put("QUARKUS_HTTP_HOST_ENABLED", "false");
        // the embedding settings that every function shares (Globals), then the function's own
        template.root().path("Globals").path("Function").path("Environment").path("Variables").properties().stream()
                .filter(variable -> variable.getKey().startsWith("RAGFN_EMBEDDING_"))
                .forEach(variable -> builder.environment().put(variable.getKey(), variable.getValue().asText()));
        template.properties(Template.functionId(module)).path("Environment").path("Variables").properties().stream()
                .filter(variable -> variable.getValue().isTextual())
                .forEach(variable -> builder.environment().put(variable.getKey(), variable.getValue().asText()));
        builder.environment().putAll(bedrock.environment());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(event.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String answer = output.substring(output.indexOf(LambdaInvoker.ANSWER) + LambdaInvoker.ANSWER.length()).strip();
        return answer.isEmpty() ? null : Repo.JSON.readTree(answer);
    }

    private int templateDimension() {
        return template.root().path("Globals").path("Function").path("Environment").path("Variables")
                .path("RAGFN_EMBEDDING_DIMENSION").asInt();
    }

    /** An HTTP API (payload format 2.0) request event, as API Gateway builds it for a Lambda integration. */
    private static String httpApiEvent(String method, String path, String body) {
        return httpApiEvent(method, path, body, "");
    }

    private static String httpApiEvent(String method, String path, String body, String query) {
        ObjectNode event = Repo.JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + path);
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        event.putObject("headers").put("content-type", "application/json");
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", method + " " + path);
        context.put("stage", "$default");
        context.put("requestId", "sam-check-1");
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "192.0.2.1").put("userAgent", "sam-check");
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    private static Path unpack(Path zip, Path target) throws IOException {
        if (Files.exists(target)) {
            try (var old = Files.walk(target)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(entries, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
