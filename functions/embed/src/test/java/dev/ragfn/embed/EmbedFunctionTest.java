package dev.ragfn.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class EmbedFunctionTest {

    @Inject
    DocumentStore store;
    @Inject
    VectorIndex index;
    @Inject
    EmbeddingModel model;

    /**
     * Funqy's Lambda binding is on the test class path too (*LambdaTest), and Quarkus points RestAssured at its
     * mock event server; these tests speak to the Knative binding's HTTP server.
     */
    @BeforeEach
    void knativeHttpServer() {
        RestAssured.port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    @Test
    void should_index_the_chunks_and_answer_document_indexed_when_chunks_are_ready() {
        DocumentRef ref = storedDocument("sha256:v1", "The vacation policy grants 25 days of paid leave per year.",
                "Expense reports are due on the fifth working day of each month.");

        postChunksReady(ref, "sha256:v1")
                .then().statusCode(200)
                .header("ce-type", equalTo("dev.ragfn.document.indexed"))
                .header("ce-tenant", equalTo(ref.tenant()))
                .body("chunkCount", equalTo(2));

        List<IndexHit> hits = index.vectorSearch(SearchScope.of(ref.knowledgeBase()),
                model.embed("how many days of holiday do I get?").content().vector(), 1, SearchFilter.none());
        assertThat(hits).extracting(IndexHit::chunkId).containsExactly("c0");
        assertThat(store.findDocument(ref).orElseThrow().status()).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void should_add_no_vectors_when_the_same_event_is_delivered_again() {
        DocumentRef ref = storedDocument("sha256:v1", "first passage", "second passage");
        postChunksReady(ref, "sha256:v1").then().statusCode(200);

        postChunksReady(ref, "sha256:v1").then().statusCode(204);

        assertThat(index.count(SearchScope.of(ref.knowledgeBase()))).isEqualTo(2);
    }

    @Test
    void should_ignore_an_event_when_a_newer_version_of_the_document_replaced_it() {
        DocumentRef ref = storedDocument("sha256:v2", "new text");

        postChunksReady(ref, "sha256:v1").then().statusCode(204);

        assertThat(index.count(SearchScope.of(ref.knowledgeBase()))).isZero();
        assertThat(store.findDocument(ref).orElseThrow().status()).isEqualTo(DocumentStatus.CHUNKED);
    }

    private static io.restassured.response.Response postChunksReady(DocumentRef ref, String hash) {
        return given()
                .header("ce-specversion", "1.0")
                .header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", "dev.ragfn.chunks.ready")
                .header("ce-source", "/ragfn/ingest")
                .header("ce-tenant", ref.tenant())
                .header("ce-knowledgebase", ref.knowledgeBase().knowledgeBase())
                .contentType("application/json")
                .body(Map.of("tenant", ref.tenant(), "knowledgeBase", ref.knowledgeBase().knowledgeBase(),
                        "documentId", ref.documentId(), "contentHash", hash, "chunkCount", 2))
                .post("/");
    }

    private DocumentRef storedDocument(String hash, String... texts) {
        KnowledgeBaseRef kb = new KnowledgeBaseRef("acme", "kb-" + UUID.randomUUID().toString().substring(0, 8));
        store.createKnowledgeBase(new KnowledgeBase(kb, "", "", 384, Instant.now()));
        DocumentRef ref = kb.document("handbook.md");
        store.putDocument(new Document(ref, "Handbook", "file:handbook.md", "text/markdown", hash,
                DocumentStatus.CHUNKED, "", texts.length, Map.of(), Instant.now()));
        List<Chunk> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            chunks.add(new Chunk(ref, "c" + i, i, texts[i], 10, Map.of()));
        }
        store.replaceChunks(ref, chunks);
        return ref;
    }
}
