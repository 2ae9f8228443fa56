package dev.ragfn.ingest;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.VectorIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IngestFunctionTest {

    private static final String HANDBOOK = """
            # Handbook

            ## Vacation

            Employees get 25 days of paid vacation per year.

            ## Expenses

            Submit expense reports within 30 days.
            """;

    @Inject
    DocumentStore store;

    @Inject
    VectorIndex index;

    /**
     * Funqy's Lambda binding is on the test class path too (*LambdaTest), and Quarkus points RestAssured at its
     * mock event server; these tests speak to the Knative binding's HTTP server.
     */
    @BeforeEach
    void knativeHttpServer() {
        RestAssured.port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    @Test
    void should_store_chunks_and_answer_chunks_ready_when_a_structured_event_submits_markdown() {
        String kb = newKnowledgeBase();

        given().contentType("application/cloudevents+json")
                .body(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/tests",
                        "type", "dev.ragfn.document.submitted", "tenant", "acme", "knowledgebase", kb,
                        "datacontenttype", "application/json",
                        "data", Map.of("documentId", "handbook.md", "text", HANDBOOK, "contentType", "text/markdown")))
                .post("/")
                .then().statusCode(200)
                .body("type", equalTo("dev.ragfn.chunks.ready"))
                .body("data.documentId", equalTo("handbook.md"))
                .body("data.chunkCount", equalTo(2));

        DocumentRef ref = DocumentRef.of("acme", kb, "handbook.md");
        Document document = store.findDocument(ref).orElseThrow();
        assertThat(document.status()).isEqualTo(DocumentStatus.CHUNKED);
        assertThat(document.title()).isEqualTo("Handbook");
        assertThat(store.listChunks(ref)).extracting(Chunk::text)
                .containsExactly("Employees get 25 days of paid vacation per year.",
                        "Submit expense reports within 30 days.");
        assertThat(store.listChunks(ref)).extracting(Chunk::headingPath)
                .containsExactly(List.of("Handbook", "Vacation"), List.of("Handbook", "Expenses"));
        assertThat(store.listChunks(ref)).allSatisfy(c -> assertThat(c.metadata()).doesNotContainKey("headings"));
    }

    @Test
    void should_have_no_second_effect_when_the_same_event_is_redelivered() {
        String kb = newKnowledgeBase();
        String id = UUID.randomUUID().toString();
        submit(kb, id, "doc", HANDBOOK).then().statusCode(200).header("ce-type", equalTo("dev.ragfn.chunks.ready"));
        Document first = store.findDocument(DocumentRef.of("acme", kb, "doc")).orElseThrow();

        submit(kb, id, "doc", HANDBOOK).then().statusCode(204);

        assertThat(store.findDocument(DocumentRef.of("acme", kb, "doc"))).contains(first);
    }

    @Test
    void should_process_once_when_the_same_event_arrives_concurrently() throws Exception {
        String kb = newKnowledgeBase();
        String id = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return submit(kb, id, "doc", HANDBOOK).statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();

        assertThat(codes).containsOnlyOnce(200).containsOnly(200, 204);
        assertThat(store.listChunks(DocumentRef.of("acme", kb, "doc"))).hasSize(2);
    }

    @Test
    void should_change_nothing_when_the_same_content_is_submitted_again_after_it_was_indexed() {
        String kb = newKnowledgeBase();
        submit(kb, UUID.randomUUID().toString(), "doc", HANDBOOK).then().statusCode(200);
        Document indexed = indexAsEmbedWould(DocumentRef.of("acme", kb, "doc"));

        submit(kb, UUID.randomUUID().toString(), "doc", HANDBOOK).then().statusCode(204);

        assertThat(store.findDocument(indexed.ref())).contains(indexed);
    }

    @Test
    void should_chunk_again_when_the_same_content_is_still_waiting_for_embedding() {
        String kb = newKnowledgeBase();
        submit(kb, UUID.randomUUID().toString(), "doc", HANDBOOK).then().statusCode(200);
        long first = store.findDocument(DocumentRef.of("acme", kb, "doc")).orElseThrow().version();

        submit(kb, UUID.randomUUID().toString(), "doc", HANDBOOK).then().statusCode(200)
                .header("ce-type", equalTo("dev.ragfn.chunks.ready"));

        Document again = store.findDocument(DocumentRef.of("acme", kb, "doc")).orElseThrow();
        assertThat(again.version()).isGreaterThan(first);
        assertThat(again.status()).isEqualTo(DocumentStatus.CHUNKED);
    }

    @Test
    void should_chunk_again_when_the_document_is_indexed_but_its_chunks_are_missing_from_the_index() {
        String kb = newKnowledgeBase();
        DocumentRef ref = DocumentRef.of("acme", kb, "doc");
        submit(kb, UUID.randomUUID().toString(), "doc", HANDBOOK).then().statusCode(200);
        indexAsEmbedWould(ref);
        index.deleteDocument(ref);

        submit(kb, UUID.randomUUID().toString(), "doc", HANDBOOK).then().statusCode(200)
                .header("ce-type", equalTo("dev.ragfn.chunks.ready"));

        assertThat(store.findDocument(ref).orElseThrow().status()).isEqualTo(DocumentStatus.CHUNKED);
    }

    /** What embed leaves behind: the version's chunks in the index, the document INDEXED. */
    private Document indexAsEmbedWould(DocumentRef ref) {
        Document document = store.findDocument(ref).orElseThrow();
        float[] vector = new float[index.dimension()];
        vector[0] = 1;
        index.upsert(store.listChunks(ref).stream().map(c -> new IndexedChunk(ref, c.id(), c.position(), "", c.text(),
                c.headingPath(), vector, "", List.of(), Map.of(), null, document.version())).toList());
        Document indexed = document.withStatus(DocumentStatus.INDEXED, "", Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(store.putIfVersion(indexed)).isTrue();
        return indexed;
    }

    @Test
    void should_replace_the_chunks_when_new_content_arrives_for_the_same_document() {
        String kb = newKnowledgeBase();
        submit(kb, UUID.randomUUID().toString(), "doc", HANDBOOK).then().statusCode(200);

        submit(kb, UUID.randomUUID().toString(), "doc", "# Handbook\n\nEverything changed.")
                .then().statusCode(200).header("ce-type", equalTo("dev.ragfn.chunks.ready"));

        assertThat(store.listChunks(DocumentRef.of("acme", kb, "doc"))).extracting(Chunk::searchText)
                .containsExactly("Handbook\n\nEverything changed.");
    }

    @Test
    void should_mark_the_document_failed_and_answer_document_failed_when_it_is_oversized() {
        String kb = newKnowledgeBase();

        submit(kb, UUID.randomUUID().toString(), "big", "word ".repeat(50_000))
                .then().statusCode(200)
                .header("ce-type", equalTo("dev.ragfn.document.failed"))
                .body("reason", containsString("over the limit of 200000"));

        Document failed = store.findDocument(DocumentRef.of("acme", kb, "big")).orElseThrow();
        assertThat(failed.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(failed.statusReason()).contains("ragfn.ingest.max-document-bytes");
    }

    @Test
    void should_answer_document_failed_when_a_url_points_at_a_private_address() {
        String kb = newKnowledgeBase();

        given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", "dev.ragfn.document.submitted").header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb)
                .contentType("application/json")
                .body(Map.of("source", "http://169.254.169.254/latest/meta-data/"))
                .post("/")
                .then().statusCode(200)
                .header("ce-type", equalTo("dev.ragfn.document.failed"))
                .body("reason", containsString("169.254.169.254"));
    }

    @Test
    void should_ask_for_a_cloudevent_when_called_over_plain_http() {
        given().contentType("application/json")
                .body(Map.of("tenant", "acme", "knowledgeBase", "kb", "documentId", "plain", "text", HANDBOOK))
                .post("/ingest")
                .then().statusCode(400)
                .body("message", containsString("takes only CloudEvents"));
    }

    // Knative redelivers 5xx answers until the event is dead-lettered, but not 400: a bad event is refused once.

    @Test
    void should_refuse_with_400_naming_the_tenant_when_an_event_names_none() {
        given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", "dev.ragfn.document.submitted").header("ce-source", "/tests")
                .contentType("application/json")
                .body(Map.of("documentId", "doc", "text", "hello"))
                .post("/")
                .then().statusCode(400)
                .body("kind", equalTo("INVALID_INPUT"))
                .body("message", containsString("tenant (CloudEvent extension 'tenant' or field 'tenant') must match"));
    }

    @Test
    void should_refuse_with_400_when_the_data_is_not_json() {
        binaryEvent(newKnowledgeBase()).body("{\"documentId\": \"doc\", \"text\": ")
                .post("/")
                .then().statusCode(400)
                .body("kind", equalTo("INVALID_INPUT"))
                .body("message", containsString("not valid JSON"));
    }

    @Test
    void should_refuse_with_400_naming_the_field_when_a_submission_has_an_unknown_one() {
        String kb = newKnowledgeBase();

        binaryEvent(kb).body(Map.of("documentId", "doc", "url", "https://docs.example.com/setup.md"))
                .post("/")
                .then().statusCode(400)
                .body("message", containsString("unknown field 'url'"));

        assertThat(store.findDocument(DocumentRef.of("acme", kb, "doc"))).isEmpty();
    }

    @Test
    void should_refuse_with_400_when_a_structured_event_has_no_data() {
        given().contentType("application/cloudevents+json")
                .body(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/tests",
                        "type", "dev.ragfn.document.submitted", "tenant", "acme", "knowledgebase", newKnowledgeBase(),
                        "datacontenttype", "application/json"))
                .post("/")
                .then().statusCode(400)
                .body("message", containsString("no data"));
    }

    @Test
    void should_refuse_with_400_when_a_binary_event_has_no_body() {
        binaryEvent(newKnowledgeBase())
                .post("/")
                .then().statusCode(400)
                .body("message", containsString("no data"));
    }

    @Test
    void should_refuse_with_400_when_the_data_has_a_field_of_the_wrong_type() {
        binaryEvent(newKnowledgeBase()).body(Map.of("documentId", "doc", "text", "hello", "tags", "security"))
                .post("/")
                .then().statusCode(400)
                .body("message", containsString("tags"));
    }

    private static io.restassured.specification.RequestSpecification binaryEvent(String kb) {
        return given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", "dev.ragfn.document.submitted").header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb)
                .contentType("application/json");
    }

    @Test
    void should_keep_the_submitted_date_for_date_filters_and_refuse_an_unreadable_one() {
        String kb = newKnowledgeBase();

        submitWithMetadata(kb, "dated.md", Map.of("date", "2024-03-01")).then().statusCode(200)
                .header("ce-type", equalTo("dev.ragfn.chunks.ready"));
        submitWithMetadata(kb, "undated.md", Map.of()).then().statusCode(200);
        submitWithMetadata(kb, "garbled.md", Map.of("date", "the first of March")).then().statusCode(200)
                .header("ce-type", equalTo("dev.ragfn.document.failed"))
                .body("reason", containsString("metadata 'date' 'the first of March' is not a date"));

        Document dated = store.findDocument(DocumentRef.of("acme", kb, "dated.md")).orElseThrow();
        assertThat(dated.date()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(dated.metadata()).doesNotContainKey("date");
        // Without a date of its own a document is dated when it was ingested.
        assertThat(store.findDocument(DocumentRef.of("acme", kb, "undated.md")).orElseThrow().date())
                .isAfter(Instant.now().minusSeconds(600));
    }

    private static Response submitWithMetadata(String kb, String documentId, Map<String, String> metadata) {
        return given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", "dev.ragfn.document.submitted").header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb)
                .contentType("application/json")
                .body(Map.of("documentId", documentId, "text", HANDBOOK, "contentType", "text/markdown",
                        "metadata", metadata))
                .post("/");
    }

    private static Response submit(String kb, String id, String documentId, String text) {
        return given().header("ce-specversion", "1.0").header("ce-id", id)
                .header("ce-type", "dev.ragfn.document.submitted").header("ce-source", "/tests")
                .header("ce-tenant", "acme").header("ce-knowledgebase", kb)
                .contentType("application/json")
                .body(Map.of("documentId", documentId, "text", text, "contentType", "text/markdown"))
                .post("/");
    }

    private static String newKnowledgeBase() {
        return "kb-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
