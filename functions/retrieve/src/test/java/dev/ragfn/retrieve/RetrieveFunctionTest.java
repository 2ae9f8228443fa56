package dev.ragfn.retrieve;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.VectorIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code POST /retrieve} on the embedded Lucene index, with chunks embedded by the in-process model.
 * Tenant "acme" searches; tenant "globex" owns a knowledge base of the same name whose chunks must
 * never come back, whatever the request says.
 */
@QuarkusTest
class RetrieveFunctionTest {

    private static final String GLOBEX_SECRET = "ZEPHYR-9";

    @Inject
    VectorIndex index;
    @Inject
    EmbeddingModel model;

    private String kb;
    private String globexOnlyKb;

    @BeforeEach
    void index_two_tenants() {
        kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        globexOnlyKb = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        upsert("acme", kb, "vacation.md", "Vacation policy", List.of("hr"),
                "Employees get 25 days of paid vacation per year; unused days carry over until March.");
        upsert("acme", kb, "vpn.md", "Remote access", List.of("it"),
                "Remote staff connect through the WireGuard VPN; request a profile under ticket type ACC-7.");
        upsert("acme", kb, "expenses.md", "Expense reports", List.of("finance"),
                "Expense reports are due by the fifth working day of the following month, with receipts attached.");
        upsert("globex", kb, "vacation.md", "Globex vacation policy", List.of("hr"),
                "Globex staff get 40 days of holiday per year and a private island retreat, codename " + GLOBEX_SECRET + ".");
        upsert("globex", kb, "secret-plan.md", "Globex secret plan", List.of("globex-confidential"),
                "The secret plan " + GLOBEX_SECRET + " moves the vacation budget to the island.");
        upsert("globex", globexOnlyKb, "board.md", "Board minutes", List.of("globex-confidential"),
                "Board minutes: the vacation policy " + GLOBEX_SECRET + " was approved.");
    }

    @Test
    void should_rank_the_paraphrased_answer_first_when_the_mode_is_the_default_hybrid() {
        retrieve(request("how many days off do I get each year"))
                .statusCode(200)
                .body("mode", equalTo("hybrid"))
                .body("reranked", equalTo(false))
                .body("passages[0].documentId", equalTo("vacation.md"))
                .body("passages[0].title", equalTo("Vacation policy"))
                .body("passages[0].position", equalTo(0))
                .body("passages[0].knowledgeBase", equalTo(kb))
                .body("passages[0].text", containsString("25 days"))
                .body("passages[0].ranks.vector", equalTo(1));
    }

    @Test
    void should_find_an_exact_code_with_its_bm25_rank_only_when_the_mode_is_bm25() {
        retrieve(request("ACC-7", "mode", "bm25"))
                .statusCode(200)
                .body("mode", equalTo("bm25"))
                .body("passages.documentId", equalTo(List.of("vpn.md")))
                .body("passages[0].ranks.bm25", equalTo(1))
                .body("passages[0].ranks.vector", nullValue());
    }

    @Test
    void should_find_a_passage_sharing_no_word_with_the_query_when_the_mode_is_vector() {
        retrieve(request("deadline for claiming back money I spent on business trips", "mode", "vector", "topK", 1))
                .statusCode(200)
                .body("mode", equalTo("vector"))
                .body("passages.documentId", equalTo(List.of("expenses.md")))
                .body("passages[0].ranks.vector", equalTo(1));
    }

    @Test
    void should_return_only_matching_chunks_when_filters_are_given() {
        retrieve(request("vacation days", "tags", List.of("finance"))).statusCode(200)
                .body("passages.documentId", equalTo(List.of("expenses.md")));
        retrieve(request("vacation days", "documentIds", List.of("vpn.md"))).statusCode(200)
                .body("passages.documentId", equalTo(List.of("vpn.md")));
        retrieve(request("vacation days", "sources", List.of("file:docs/expenses.md"))).statusCode(200)
                .body("passages.documentId", equalTo(List.of("expenses.md")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bm25", "vector", "hybrid"})
    void should_return_no_chunk_of_another_tenant_when_the_query_targets_its_content(String mode) {
        retrieve(request("Globex " + GLOBEX_SECRET + " private island secret plan", "mode", mode, "topK", 100))
                .statusCode(200)
                .body("passages.text", everyItem(not(containsString(GLOBEX_SECRET))))
                .body("passages.documentId", not(hasItem("secret-plan.md")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"globex*", "acme,globex", "acme OR globex", "*", "", "ACME", "../globex", "acme\u0000"})
    void should_reject_the_request_when_the_tenant_is_not_a_plain_name(String tenant) {
        Map<String, Object> body = request(GLOBEX_SECRET);
        body.put("tenant", tenant);

        retrieve(body).statusCode(400).body(not(containsString("island")));
    }

    @Test
    void should_return_nothing_when_the_knowledge_bases_name_another_tenants_knowledge_base() {
        retrieve(request(GLOBEX_SECRET + " board minutes", "knowledgeBases", List.of(globexOnlyKb)))
                .statusCode(200)
                .body("passages", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "globex/", "kb,other", "globex:" + "kb"})
    void should_reject_the_request_when_a_knowledge_base_is_not_a_plain_name(String knowledgeBase) {
        retrieve(request(GLOBEX_SECRET, "knowledgeBases", List.of(kb, knowledgeBase)))
                .statusCode(400).body(not(containsString("island")));
    }

    @Test
    void should_return_nothing_when_the_document_filter_names_another_tenants_document() {
        retrieve(request(GLOBEX_SECRET + " secret plan", "documentIds", List.of("secret-plan.md")))
                .statusCode(200)
                .body("passages", empty());
    }

    @Test
    void should_return_only_the_own_document_when_both_tenants_have_a_document_of_that_id() {
        retrieve(request("vacation holiday island", "documentIds", List.of("vacation.md"), "topK", 100))
                .statusCode(200)
                .body("passages.text", equalTo(List.of(
                        "Employees get 25 days of paid vacation per year; unused days carry over until March.")));
    }

    @Test
    void should_return_nothing_when_the_tag_or_source_filter_names_another_tenants_values() {
        retrieve(request(GLOBEX_SECRET, "tags", List.of("globex-confidential"))).statusCode(200)
                .body("passages", empty());
        retrieve(request(GLOBEX_SECRET, "sources", List.of("file:docs/secret-plan.md"))).statusCode(200)
                .body("passages", empty());
    }

    @Test
    void should_reject_the_request_when_the_query_is_blank_or_k_out_of_range() {
        retrieve(request(" ")).statusCode(400);
        retrieve(request("vacation", "topK", 0)).statusCode(400);
        retrieve(request("vacation", "topK", 10_001)).statusCode(400);
        retrieve(request("vacation", "mode", "fuzzy")).statusCode(400);
    }

    private Map<String, Object> request(String query, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("query", query, "tenant", "acme",
                "knowledgeBases", List.of(kb), "topK", 3));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static ValidatableResponse retrieve(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/retrieve").then();
    }

    private void upsert(String tenant, String knowledgeBase, String documentId, String title, List<String> tags,
                        String text) {
        float[] vector = model.embed(TextSegment.from(title + "\n" + text)).content().vector();
        index.upsert(List.of(new IndexedChunk(DocumentRef.of(tenant, knowledgeBase, documentId), "c0", 0, title, text,
                vector, "file:docs/" + documentId, tags, Map.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"text\"", "{\"query\": "})
    void should_answer_400_with_a_json_problem_when_the_body_is_not_a_request(String body) {
        given().contentType("application/json").body(body)
                .post("/retrieve")
                .then().statusCode(400)
                .body("kind", equalTo("INVALID_INPUT"));
    }
}
