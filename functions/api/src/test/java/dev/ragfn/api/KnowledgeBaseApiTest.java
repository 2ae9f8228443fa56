package dev.ragfn.api;

import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.ragfn.api.Fixtures.document;
import static dev.ragfn.api.Fixtures.fresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** /api/knowledge-bases with ragfn.auth.mode=none: the tenant is the one the request names. */
@QuarkusTest
class KnowledgeBaseApiTest {

    @Inject
    DocumentStore store;
    @Inject
    VectorIndex index;

    @Test
    void should_list_a_created_knowledge_base_with_the_configured_dimension_when_created() {
        String tenant = fresh("t");
        String kb = fresh("kb");

        given().queryParam("tenant", tenant).contentType(ContentType.JSON)
                .body("{\"knowledgeBase\":\"" + kb + "\",\"displayName\":\"HR handbook\"}")
                .when().post("/api/knowledge-bases")
                .then().statusCode(201).header("Location", containsString("/api/knowledge-bases/" + kb))
                .body("knowledgeBase", equalTo(kb)).body("embeddingDimension", equalTo(384)).body("documents", equalTo(0));

        given().queryParam("tenant", tenant).when().get("/api/knowledge-bases")
                .then().statusCode(200).body("knowledgeBase", hasItem(kb)).body("displayName", hasItem("HR handbook"));
    }

    @Test
    void should_count_documents_chunks_and_statuses_when_listing_knowledge_bases() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        document(store, null, kb.document("a.md"), DocumentStatus.INDEXED, "", 3);
        document(store, null, kb.document("b.md"), DocumentStatus.INDEXED, "", 2);
        document(store, null, kb.document("c.pdf"), DocumentStatus.FAILED, "PDF is encrypted", 0);

        given().queryParam("tenant", tenant).when().get("/api/knowledge-bases/" + kb.knowledgeBase())
                .then().statusCode(200)
                .body("documents", equalTo(3)).body("chunks", equalTo(5))
                .body("documentsByStatus.INDEXED", equalTo(2)).body("documentsByStatus.FAILED", equalTo(1));
    }

    @Test
    void should_remove_every_document_from_store_and_index_when_a_knowledge_base_is_deleted() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        document(store, index, kb.document("a.md"), DocumentStatus.INDEXED, "", 3);
        document(store, index, kb.document("guides/b.md"), DocumentStatus.INDEXED, "", 2);
        assertThat(index.count(SearchScope.of(kb))).isEqualTo(5);

        given().queryParam("tenant", tenant).when().delete("/api/knowledge-bases/" + kb.knowledgeBase())
                .then().statusCode(204);

        assertThat(index.count(SearchScope.of(kb))).isZero();
        assertThat(store.findKnowledgeBase(kb)).isEmpty();
        assertThat(store.listDocuments(kb)).isEmpty();
        given().queryParam("tenant", tenant).when().get("/api/knowledge-bases/" + kb.knowledgeBase())
                .then().statusCode(404).body("kind", equalTo("NOT_FOUND"));
    }

    @Test
    void should_answer_404_and_keep_the_other_tenants_data_when_its_knowledge_base_is_named() {
        KnowledgeBaseRef theirs = Fixtures.knowledgeBase(store, fresh("owner"));
        document(store, index, theirs.document("secret.md"), DocumentStatus.INDEXED, "", 1);
        String mine = fresh("t");

        given().queryParam("tenant", mine).when().get("/api/knowledge-bases/" + theirs.knowledgeBase())
                .then().statusCode(404).body("kind", equalTo("NOT_FOUND")).body("message", not(containsString("secret")));
        given().queryParam("tenant", mine).when().delete("/api/knowledge-bases/" + theirs.knowledgeBase())
                .then().statusCode(404);
        given().queryParam("tenant", mine).when().get("/api/knowledge-bases")
                .then().statusCode(200).body("knowledgeBase", not(hasItem(theirs.knowledgeBase())));

        assertThat(store.findKnowledgeBase(theirs)).isPresent();
        assertThat(index.count(SearchScope.of(theirs))).isEqualTo(1);
    }

    @Test
    void should_refuse_with_409_when_the_knowledge_base_exists() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);

        given().queryParam("tenant", tenant).contentType(ContentType.JSON)
                .body("{\"knowledgeBase\":\"" + kb.knowledgeBase() + "\"}")
                .when().post("/api/knowledge-bases")
                .then().statusCode(409).body("kind", equalTo("CONFLICT"));
    }

    @Test
    void should_answer_400_naming_the_problem_when_the_input_is_bad() {
        String tenant = fresh("t");

        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body("{\"knowledgeBase\":\"Not A Name\"}")
                .when().post("/api/knowledge-bases")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("knowledgeBase"));
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/knowledge-bases")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT"));
        given().queryParam("tenant", tenant).contentType(ContentType.JSON).body("")
                .when().post("/api/knowledge-bases")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT"));
        given().when().get("/api/knowledge-bases")
                .then().statusCode(400).body("kind", equalTo("INVALID_INPUT")).body("message", containsString("tenant"));
    }
}
