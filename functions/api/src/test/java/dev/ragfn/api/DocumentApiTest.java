package dev.ragfn.api;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.ragfn.api.Fixtures.document;
import static dev.ragfn.api.Fixtures.fresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** /api/knowledge-bases/{kb}/documents with ragfn.auth.mode=none; ragfn.api.max-upload-bytes is 4096 here. */
@QuarkusTest
class DocumentApiTest {

    @Inject
    DocumentStore store;
    @Inject
    VectorIndex index;
    @Inject
    RecordingPublisher broker;

    @Test
    void should_page_through_documents_with_a_cursor_when_a_limit_is_given() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        for (String id : List.of("e.md", "a.md", "c.md", "b.md", "d.md")) {
            document(store, null, kb.document(id), DocumentStatus.INDEXED, "", 1);
        }
        String path = "/api/knowledge-bases/" + kb.knowledgeBase() + "/documents";

        String next = given().queryParam("tenant", tenant).queryParam("limit", 2).when().get(path)
                .then().statusCode(200).body("documents.documentId", contains("a.md", "b.md")).body("next", equalTo("b.md"))
                .extract().path("next");
        next = given().queryParam("tenant", tenant).queryParam("limit", 2).queryParam("after", next).when().get(path)
                .then().statusCode(200).body("documents.documentId", contains("c.md", "d.md")).extract().path("next");
        given().queryParam("tenant", tenant).queryParam("limit", 2).queryParam("after", next).when().get(path)
                .then().statusCode(200).body("documents.documentId", contains("e.md")).body("next", nullValue());
    }

    @Test
    void should_list_failed_documents_with_their_reason_when_filtered_by_status() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        document(store, null, kb.document("ok.md"), DocumentStatus.INDEXED, "", 4);
        document(store, null, kb.document("locked.pdf"), DocumentStatus.FAILED, "PDF is encrypted", 0);

        given().queryParam("tenant", tenant).queryParam("status", "failed")
                .when().get("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents")
                .then().statusCode(200)
                .body("documents.documentId", contains("locked.pdf"))
                .body("documents[0].status", equalTo("FAILED"))
                .body("documents[0].failureReason", equalTo("PDF is encrypted"))
                .body("documents[0].chunkCount", equalTo(0));
    }

    @Test
    void should_show_status_chunk_count_tags_and_date_when_a_document_is_read_by_an_id_with_slashes() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        document(store, null, kb.document("guides/setup.md"), DocumentStatus.INDEXED, "", 7);

        given().queryParam("tenant", tenant)
                .when().get("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents/guides/setup.md")
                .then().statusCode(200)
                .body("documentId", equalTo("guides/setup.md")).body("status", equalTo("INDEXED"))
                .body("chunkCount", equalTo(7)).body("date", equalTo("2026-11-30T00:00:00Z"))
                .body("tags", contains("handbook", "hr, benefits"))
                .body("failureReason", nullValue());
    }

    @Test
    void should_answer_a_cited_passage_with_its_headings_and_document_when_a_chunk_is_read() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        DocumentRef ref = kb.document("guides/leave.md");
        document(store, null, ref, DocumentStatus.INDEXED, "", 2);
        store.replaceChunks(ref, List.of(
                new Chunk(ref, "c0", 0, "Intro.", 1, Map.of()),
                new Chunk(ref, "c1", 1, "Parental leave is 16 weeks.", List.of("Leave", "Parental"), 6, Map.of())));

        given().queryParam("tenant", tenant)
                .when().get("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents/guides/leave.md/chunks/c1")
                .then().statusCode(200)
                .body("chunkId", equalTo("c1")).body("documentId", equalTo("guides/leave.md"))
                .body("knowledgeBase", equalTo(kb.knowledgeBase())).body("title", equalTo("Title of guides/leave.md"))
                .body("position", equalTo(1)).body("headingPath", contains("Leave", "Parental"))
                .body("text", equalTo("Parental leave is 16 weeks."));
    }

    @Test
    void should_answer_404_with_a_reason_when_the_chunk_is_unknown_or_another_tenants() {
        KnowledgeBaseRef theirs = Fixtures.knowledgeBase(store, fresh("owner"));
        DocumentRef secret = theirs.document("secret.md");
        document(store, null, secret, DocumentStatus.INDEXED, "", 1);
        store.replaceChunks(secret, List.of(new Chunk(secret, "c0", 0, "The vault code is 0000.", 6, Map.of())));
        String path = "/api/knowledge-bases/" + theirs.knowledgeBase() + "/documents/secret.md/chunks/";

        given().queryParam("tenant", fresh("t")).when().get(path + "c0")
                .then().statusCode(404).body("kind", equalTo("NOT_FOUND"))
                .body("message", not(containsString("vault")));
        given().queryParam("tenant", theirs.tenant()).when().get(path + "c9")
                .then().statusCode(404).body("kind", equalTo("NOT_FOUND")).body("message", containsString("c9"));
    }

    @Test
    void should_remove_the_document_from_store_and_index_when_deleted() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        DocumentRef gone = kb.document("gone.md");
        document(store, index, gone, DocumentStatus.INDEXED, "", 3);
        document(store, index, kb.document("kept.md"), DocumentStatus.INDEXED, "", 2);

        given().queryParam("tenant", tenant).when().delete("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents/gone.md")
                .then().statusCode(204);

        assertThat(store.findDocument(gone)).isEmpty();
        assertThat(store.listChunks(gone)).isEmpty();
        assertThat(index.chunkKeys(gone)).isEmpty();
        assertThat(index.count(SearchScope.of(kb))).isEqualTo(2);
        given().queryParam("tenant", tenant).when().get("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents/gone.md")
                .then().statusCode(404).body("kind", equalTo("NOT_FOUND"));
    }

    @Test
    void should_answer_404_and_touch_nothing_when_another_tenants_document_is_named() {
        KnowledgeBaseRef theirs = Fixtures.knowledgeBase(store, fresh("owner"));
        DocumentRef secret = theirs.document("secret.md");
        document(store, index, secret, DocumentStatus.INDEXED, "", 2);
        String mine = fresh("t");
        String path = "/api/knowledge-bases/" + theirs.knowledgeBase() + "/documents";

        given().queryParam("tenant", mine).when().get(path).then().statusCode(404);
        given().queryParam("tenant", mine).when().get(path + "/secret.md").then().statusCode(404)
                .body("message", not(containsString("Title of")));
        given().queryParam("tenant", mine).when().delete(path + "/secret.md").then().statusCode(404);
        given().queryParam("tenant", mine).contentType("application/json").body("{}").when().post(path + "/secret.md/reingest").then().statusCode(404);
        given().queryParam("tenant", mine).multiPart("file", "x.txt", "text".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post(path).then().statusCode(404);

        assertThat(store.findDocument(secret)).isPresent();
        assertThat(index.chunkKeys(secret)).hasSize(2);
        assertThat(broker.about(new KnowledgeBaseRef(mine, theirs.knowledgeBase()))).isEmpty();
        assertThat(broker.about(theirs)).isEmpty();
    }

    @Test
    void should_answer_202_with_the_document_id_and_submit_the_bytes_to_ingest_when_a_file_is_uploaded() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        byte[] pdfLike = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, (byte) 0xff};

        given().queryParam("tenant", tenant).multiPart("file", "report.pdf", pdfLike, "application/pdf")
                .multiPart("title", "Quarterly report")
                .when().post("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents")
                .then().statusCode(202)
                .body("documentId", equalTo("report.pdf")).body("status", equalTo("RECEIVED"))
                .header("Location", containsString("/documents/report.pdf"));

        assertThat(store.findDocument(kb.document("report.pdf")).orElseThrow().status()).isEqualTo(DocumentStatus.RECEIVED);
        List<RecordingPublisher.Published> events = broker.about(kb);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().type()).isEqualTo(EventTypes.DOCUMENT_SUBMITTED);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) events.getFirst().data();
        assertThat(data).containsEntry("documentId", "report.pdf").containsEntry("title", "Quarterly report")
                .containsEntry("contentType", "application/pdf");
        assertThat(Base64.getDecoder().decode((String) data.get("contentBase64"))).isEqualTo(pdfLike);
    }

    @Test
    void should_answer_413_and_submit_nothing_when_the_upload_is_over_the_limit() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);

        given().queryParam("tenant", tenant).multiPart("file", "big.txt", new byte[4097], "text/plain")
                .when().post("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents")
                .then().statusCode(413).body("kind", equalTo("TOO_LARGE")).body("message", containsString("4096"));

        assertThat(store.findDocument(kb.document("big.txt"))).isEmpty();
        assertThat(broker.about(kb)).isEmpty();
    }

    @Test
    void should_answer_413_naming_the_event_limit_and_another_way_when_the_broker_cannot_carry_the_upload() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        broker.capInlineBytes(1000);
        try {
            given().queryParam("tenant", tenant).multiPart("file", "mid.txt", new byte[1001], "text/plain")
                    .when().post("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents")
                    .then().statusCode(413).body("kind", equalTo("TOO_LARGE"))
                    .body("message", containsString("1000")).body("message", containsString("ingest bucket"));
        } finally {
            broker.capInlineBytes(Long.MAX_VALUE);
        }

        assertThat(store.findDocument(kb.document("mid.txt"))).isEmpty();
        assertThat(broker.about(kb)).isEmpty();
    }

    @Test
    void should_submit_the_stored_source_again_when_a_document_is_reingested() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        document(store, null, kb.document("faq.md"), DocumentStatus.FAILED, "timed out", 0);

        given().queryParam("tenant", tenant).contentType("application/json").body("{}")
                .when().post("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents/faq.md/reingest")
                .then().statusCode(202).body("documentId", equalTo("faq.md"));

        RecordingPublisher.Published event = broker.about(kb).getFirst();
        assertThat(broker.about(kb)).hasSize(1);
        assertThat(event.type()).isEqualTo(EventTypes.DOCUMENT_SUBMITTED);
        assertThat(((Map<?, ?>) event.data()).get("documentId")).isEqualTo("faq.md");
        assertThat(((Map<?, ?>) event.data()).get("source")).isEqualTo("https://docs.example.com/faq.md");
    }

    @Test
    void should_answer_409_when_an_uploaded_document_is_reingested_without_a_source() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        given().queryParam("tenant", tenant).multiPart("file", "notes.txt", "Notes".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents");

        given().queryParam("tenant", tenant).contentType("application/json").body("{}")
                .when().post("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents/notes.txt/reingest")
                .then().statusCode(409).body("kind", equalTo("CONFLICT")).body("message", containsString("upload it again"));
        assertThat(broker.about(kb)).hasSize(1);
    }

    @Test
    void should_answer_400_naming_the_problem_when_the_input_is_bad() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        String path = "/api/knowledge-bases/" + kb.knowledgeBase() + "/documents";

        given().queryParam("tenant", tenant).queryParam("status", "DONE").when().get(path)
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("status"));
        given().queryParam("tenant", tenant).queryParam("limit", 0).when().get(path)
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("limit"));
        given().queryParam("tenant", tenant).queryParam("limit", "ten").when().get(path)
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT"));
        given().queryParam("tenant", tenant).multiPart("title", "no file").when().post(path)
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("file"));
        given().queryParam("tenant", tenant).when().get("/api/knowledge-bases/Bad%20Name/documents")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT"));
        assertThat(broker.about(kb)).isEmpty();
    }
}
