package dev.ragfn.api;

import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.DocumentStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.ragfn.api.Fixtures.document;
import static dev.ragfn.api.Fixtures.fresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Bad input on every /api route, with ragfn.auth.mode=none: each is refused with a 4xx and the JSON
 * problem {@code {"kind", "message"}} naming what is wrong, and nothing is stored or published.
 */
@QuarkusTest
class BadInputApiTest {

    private static final String ASSISTANT = "{\"id\":\"hr\",\"name\":\"HR helper\",\"topK\":6}";

    @Inject
    DocumentStore store;
    @Inject
    AssistantStore assistants;
    @Inject
    RecordingPublisher broker;

    @Test
    void should_refuse_a_query_parameter_the_route_does_not_take_when_a_list_is_paged_another_way() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);

        refused(given().queryParam("tenant", tenant).queryParam("page", 2)
                .when().get("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents"), 400, "'page'")
                .body("message", containsString("after, limit, status, tenant"));
        refused(given().queryParam("tenant", tenant).queryParam("offset", 50).when().get("/api/conversions"), 400, "'offset'");
        refused(given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").queryParam("cursor", "x")
                .when().get("/api/summaries"), 400, "'cursor'");
        refused(given().queryParam("tenant", tenant).queryParam("sort", "name").when().get("/api/assistants"), 400, "'sort'");
        refused(given().queryParam("tenant", tenant).queryParam("all", "true").when().get("/api/knowledge-bases"), 400, "'all'");
        refused(given().queryParam("tenant", tenant).queryParam("kb", kb.knowledgeBase()).contentType(ContentType.JSON)
                .body("{\"knowledgeBase\":\"another\"}").when().post("/api/knowledge-bases"), 400, "'kb'");
        assertThat(store.listKnowledgeBases(tenant)).hasSize(1);
    }

    @Test
    void should_refuse_a_limit_that_is_not_a_whole_number_from_1_to_1000_when_any_list_is_read() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        List<String> lists = List.of("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents", "/api/conversions",
                "/api/summaries?scope=prod/llama", "/api/summaries/scopes");

        for (String list : lists) {
            for (String limit : List.of("0", "-1", "1001", "99999999999", "ten", "2.5")) {
                refused(given().queryParam("tenant", tenant).queryParam("limit", limit).when().get(list), 400, "limit");
            }
            given().queryParam("tenant", tenant).queryParam("limit", " 1000 ").when().get(list).then().statusCode(200);
        }
    }

    @Test
    void should_refuse_an_empty_limit_or_after_naming_it_when_any_list_is_read() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        List<String> lists = List.of("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents", "/api/conversions",
                "/api/summaries?scope=prod/llama", "/api/summaries/scopes");

        for (String list : lists) {
            String separator = list.contains("?") ? "&" : "?";
            String query = separator + "tenant=" + tenant;
            refused(given().urlEncodingEnabled(false).when().get(list + query + "&limit="), 400, "limit")
                    .body("message", containsString("between 1 and 1000"));
            refused(given().urlEncodingEnabled(false).when().get(list + query + "&limit"), 400, "limit");
            // The last page's next is null; sent back as after= it must not start over at the first page.
            refused(given().urlEncodingEnabled(false).when().get(list + query + "&after="), 400, "after")
                    .body("message", containsString("first page"));
        }
    }

    @Test
    void should_refuse_a_cursor_that_is_no_key_of_the_list_when_paging() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);

        refused(given().queryParam("tenant", tenant).queryParam("after", "x".repeat(600))
                .when().get("/api/knowledge-bases/" + kb.knowledgeBase() + "/documents"), 400, "after");
        refused(given().queryParam("tenant", tenant).queryParam("after", "../../etc/passwd").when().get("/api/conversions"),
                400, "after");
        refused(given().queryParam("tenant", tenant).queryParam("scope", "prod/llama").queryParam("after", "../../etc")
                .when().get("/api/summaries"), 400, "after");
    }

    @Test
    void should_refuse_a_body_with_a_field_the_route_does_not_take_or_of_the_wrong_type() {
        String tenant = fresh("t");

        refused(post(tenant, "/api/assistants", "{\"id\":\"hr\",\"name\":\"HR\",\"intructions\":\"Be brief.\"}"),
                400, "'intructions'").body("message", containsString("instructions"));
        refused(post(tenant, "/api/assistants", ASSISTANT.replace("6", "6.7")), 400, "topK");
        refused(post(tenant, "/api/assistants", ASSISTANT.replace("6", "\"six\"")), 400, "topK");
        refused(post(tenant, "/api/assistants", "{\"id\":\"hr\",\"name\":\"HR\",\"knowledgeBases\":\"handbook\"}"),
                400, "knowledgeBases");
        refused(post(tenant, "/api/assistants", "{\"id\":\"hr\",\"name\":\"HR\",\"model\":{\"temperature\":\"warm\"}}"),
                400, "temperature");
        refused(post(tenant, "/api/assistants", "[" + ASSISTANT + "]"), 400, "shape");
        refused(post(tenant, "/api/assistants", "null"), 400, "body");
        refused(post(tenant, "/api/assistants", "{\"id\":\"hr\",\"name\":\"HR\""), 400, "not valid JSON");
        refused(post(tenant, "/api/knowledge-bases", "{\"knowledgeBase\":[\"handbook\"]}"), 400, "knowledgeBase");
        refused(post(tenant, "/api/knowledge-bases", "{\"knowledgebase\":\"handbook\"}"), 400, "knowledgeBase must match")
                .body("message", not(containsString("dev.ragfn")));
        refused(post(tenant, "/api/conversions", "{\"repo\":\"https://github.com/org/repo.git\"}"), 400, "'repo'");

        assertThat(assistants.list(tenant)).isEmpty();
        assertThat(store.listKnowledgeBases(tenant)).isEmpty();
    }

    @Test
    void should_refuse_missing_blank_and_over_long_fields_naming_each() {
        String tenant = fresh("t");

        refused(post(tenant, "/api/knowledge-bases", "{}"), 400, "knowledgeBase");
        refused(post(tenant, "/api/knowledge-bases", "{\"knowledgeBase\":\"   \"}"), 400, "knowledgeBase");
        refused(post(tenant, "/api/knowledge-bases", "{\"knowledgeBase\":\"" + "k".repeat(64) + "\"}"), 400, "knowledgeBase");
        refused(post(tenant, "/api/knowledge-bases", "{\"knowledgeBase\":\"kb\",\"displayName\":\"" + "d".repeat(1025) + "\"}"),
                400, "displayName");
        refused(post(tenant, "/api/assistants", "{\"name\":\"HR\"}"), 400, "id");
        refused(post(tenant, "/api/assistants", "{\"id\":\"hr\",\"name\":\"" + "n".repeat(1025) + "\"}"), 400, "name");
        refused(post(tenant, "/api/assistants", "{\"id\":\"hr\",\"name\":\"HR\",\"instructions\":\"" + "i".repeat(20_001) + "\"}"),
                400, "instructions");
        refused(post(tenant, "/api/conversions", "{}"), 400, "repository");
        refused(post(tenant, "/api/conversions", "{\"repository\":\"  \"}"), 400, "repository");
        assertThat(assistants.list(tenant)).isEmpty();
    }

    @Test
    void should_refuse_ids_with_path_characters_or_of_huge_length_when_named_in_a_path() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        String documents = "/api/knowledge-bases/" + kb.knowledgeBase() + "/documents/";

        refused(given().urlEncodingEnabled(false).queryParam("tenant", tenant).when().get("/api/knowledge-bases/..%2F..%2Fetc"), 400, "knowledgeBase");
        refused(given().urlEncodingEnabled(false).queryParam("tenant", tenant).when().get("/api/assistants/..%2Fhr"), 400, "id");
        refused(given().urlEncodingEnabled(false).queryParam("tenant", tenant).when().get("/api/conversions/..%2F..%2Fx"), 400, "id");
        refused(given().queryParam("tenant", tenant).when().get("/api/conversions/" + "c".repeat(2000)), 400, "id");
        refused(given().queryParam("tenant", tenant).when().get(documents + "d".repeat(2000)), 400, "documentId");
        refused(given().queryParam("tenant", tenant).when().get("/api/sessions/" + "s".repeat(2000)), 400, "sessionId");
        refused(given().urlEncodingEnabled(false).queryParam("tenant", tenant).when().delete(documents + "%00x"), 400, "documentId");
        refused(given().queryParam("tenant", "../" + tenant).when().get("/api/knowledge-bases"), 400, "tenant");
        refused(given().queryParam("tenant", "t".repeat(2000)).when().get("/api/assistants"), 400, "tenant");
        // Dots are a name a document may have: it is looked up as one, not as a path.
        refused(given().urlEncodingEnabled(false).queryParam("tenant", tenant).when().get(documents + "..%2F..%2Fsecret.md"), 404, "does not exist");
    }

    @Test
    void should_answer_414_or_431_in_json_naming_the_limit_when_the_url_or_the_headers_are_too_long() {
        String tenant = fresh("t");

        refused(given().queryParam("tenant", tenant).when().get("/api/conversions/" + "c".repeat(5_000)), 414,
                "over the limit of 4096 (ragfn.api.max-url-length)").body("kind", equalTo("TOO_LARGE"))
                .body("message", containsString("shorten"));
        refused(given().queryParam("tenant", tenant).header("X-Padding", "p".repeat(25_000)).when().get("/api/assistants"),
                431, "over the limit of 20480 (ragfn.api.max-header-bytes)").body("kind", equalTo("TOO_LARGE"));
        given().queryParam("tenant", tenant).header("X-Padding", "p".repeat(10_000)).when().get("/api/assistants")
                .then().statusCode(200);
    }

    @Test
    void should_answer_in_json_when_the_content_type_or_method_is_not_one_the_route_takes() {
        String tenant = fresh("t");

        refused(given().queryParam("tenant", tenant).contentType(ContentType.TEXT).body(ASSISTANT)
                .when().post("/api/assistants"), 415, "text/plain").body("kind", equalTo("INVALID_INPUT"));
        refused(given().queryParam("tenant", tenant).contentType(ContentType.JSON).body("{}")
                .when().put("/api/knowledge-bases/handbook"), 405, "method");
        assertThat(assistants.list(tenant)).isEmpty();
    }

    @Test
    void should_answer_202_with_a_followable_location_when_the_file_name_has_spaces_and_url_characters() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        String documents = "/api/knowledge-bases/" + kb.knowledgeBase() + "/documents";

        String location = given().queryParam("tenant", tenant)
                .multiPart("file", "Q3 report #1 100%.txt", "Numbers".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post(documents)
                .then().statusCode(202).body("documentId", equalTo("Q3 report #1 100%.txt"))
                .body("location", equalTo(documents + "/Q3%20report%20%231%20100%25.txt"))
                .extract().header("Location");

        given().urlEncodingEnabled(false).queryParam("tenant", tenant).when().get(location)
                .then().statusCode(200).body("documentId", equalTo("Q3 report #1 100%.txt")).body("status", equalTo("RECEIVED"));
    }

    @Test
    void should_refuse_an_upload_that_is_empty_or_has_bad_names_and_submit_nothing() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        String documents = "/api/knowledge-bases/" + kb.knowledgeBase() + "/documents";
        byte[] text = "Text".getBytes(StandardCharsets.UTF_8);

        refused(given().queryParam("tenant", tenant).multiPart("file", "empty.txt", new byte[0], "text/plain")
                .when().post(documents), 400, "empty");
        refused(given().queryParam("tenant", tenant).multiPart("file", "a.txt", text, "text/plain")
                .multiPart("documentId", "d".repeat(513)).when().post(documents), 400, "documentId");
        refused(given().queryParam("tenant", tenant).multiPart("file", "a.txt", text, "text/plain")
                .multiPart("title", "t".repeat(1025)).when().post(documents), 400, "title");
        refused(given().queryParam("tenant", tenant).multiPart("file", "a.txt", text, "text/plain")
                .multiPart("title", "line\nbreak").when().post(documents), 400, "title");
        refused(given().queryParam("tenant", tenant).multiPart("document", "a.txt", text, "text/plain")
                .when().post(documents), 400, "'file'");

        assertThat(store.listDocuments(kb)).isEmpty();
        assertThat(broker.about(kb)).isEmpty();
    }

    @Test
    void should_refuse_a_reingestion_whose_source_is_not_a_url_ingest_can_fetch() {
        String tenant = fresh("t");
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, tenant);
        document(store, null, kb.document("faq.md"), DocumentStatus.INDEXED, "", 1);
        String reingest = "/api/knowledge-bases/" + kb.knowledgeBase() + "/documents/faq.md/reingest";

        refused(post(tenant, reingest, "{\"source\":\"faq.md on the wiki\"}"), 400, "source");
        refused(post(tenant, reingest, "{\"source\":\"https://docs.example.com/" + "p".repeat(2100) + "\"}"), 400, "source");
        refused(post(tenant, reingest, "{\"source\":{\"url\":\"https://docs.example.com/faq.md\"}}"), 400, "source");
        refused(post(tenant, reingest, "{\"url\":\"https://docs.example.com/faq.md\"}"), 400, "'url'");
        refused(post(tenant, reingest, "{\"source\":"), 400, "not valid JSON");

        assertThat(broker.about(kb)).isEmpty();
    }

    private static ValidatableResponse post(String tenant, String path, String json) {
        return given().queryParam("tenant", tenant).contentType(ContentType.JSON).body(json).when().post(path).then();
    }

    private static ValidatableResponse refused(io.restassured.response.Response response, int status, String named) {
        return refused(response.then(), status, named);
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String named) {
        return response.statusCode(status).contentType(ContentType.JSON)
                .body("kind", not(equalTo(null))).body("message", containsString(named));
    }
}
