package dev.ragfn.api;

import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.testing.AuthMatrix;
import dev.ragfn.testing.AuthMatrix.Endpoint;
import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static dev.ragfn.api.Fixtures.fresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;

/**
 * The API with ragfn.auth.mode=oidc: every route takes a token of the tenant with the role the README's
 * table names (reader reads, editor writes documents and knowledge bases, admin defines assistants and
 * reads summaries), or answers a JSON 401/403 and changes nothing. The tenant comes from the token.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class ApiAuthTest {

    private static final String ASSISTANT = "{\"id\":\"hr\",\"name\":\"HR helper\"}";

    @TestHTTPResource("/")
    URI base;
    @Inject
    DocumentStore store;
    @Inject
    AssistantStore assistants;
    @Inject
    RecordingPublisher broker;
    @Inject
    ConversionStore conversions;

    @Test
    void should_refuse_every_flawed_token_and_change_nothing_when_an_api_route_is_called() {
        KnowledgeBaseRef kb = Fixtures.knowledgeBase(store, "acme");
        Fixtures.document(store, null, kb.document("a.md"), DocumentStatus.INDEXED, "", 2);
        String documents = "/api/knowledge-bases/" + kb.knowledgeBase() + "/documents";
        List<Endpoint> routes = List.of(
                Endpoint.get("/api/knowledge-bases?tenant={tenant}", "reader"),
                Endpoint.get("/api/knowledge-bases/" + kb.knowledgeBase() + "?tenant={tenant}", "reader"),
                Endpoint.post("/api/knowledge-bases?tenant={tenant}", "editor", t -> "{\"knowledgeBase\":\"new-kb\"}"),
                Endpoint.delete("/api/knowledge-bases/" + kb.knowledgeBase() + "?tenant={tenant}", "editor"),
                Endpoint.get(documents + "?tenant={tenant}", "reader"),
                Endpoint.get(documents + "/a.md?tenant={tenant}", "reader"),
                Endpoint.delete(documents + "/a.md?tenant={tenant}", "editor"),
                Endpoint.post(documents + "/a.md/reingest?tenant={tenant}", "editor", t -> "{}"),
                Endpoint.post(documents + "?tenant={tenant}", "editor", t -> "--b\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n")
                        .contentType("multipart/form-data; boundary=b"),
                Endpoint.get("/api/assistants?tenant={tenant}", "reader"),
                Endpoint.get("/api/assistants/hr?tenant={tenant}", "reader"),
                Endpoint.post("/api/assistants?tenant={tenant}", "admin", t -> ASSISTANT),
                new Endpoint("PUT", "/api/assistants/hr?tenant={tenant}", t -> ASSISTANT, "application/json", "admin", true),
                Endpoint.delete("/api/assistants/hr?tenant={tenant}", "admin"),
                Endpoint.get("/api/sessions?tenant={tenant}", "reader"),
                Endpoint.delete("/api/sessions/s-1?tenant={tenant}", "reader"),
                Endpoint.get("/api/summaries?scope=prod&tenant={tenant}", "admin"),
                Endpoint.post("/api/conversions?tenant={tenant}", "admin", t -> "{\"repository\":\"https://203.0.113.7/a.git\"}"),
                Endpoint.get("/api/conversions?tenant={tenant}", "admin"),
                Endpoint.get("/api/conversions/c-1?tenant={tenant}", "admin"),
                Endpoint.get("/api/conversions/c-1/pattern.zip?tenant={tenant}", "admin"));
        AuthMatrix matrix = new AuthMatrix(TestIssuer.shared(), base);
        var conversionsBefore = conversions.list("acme", null, 1000).conversions();

        routes.forEach(route -> matrix.assertRefused(route, "mallory", "acme", "globex"));

        assertThat(store.findKnowledgeBase(kb)).isPresent();
        assertThat(store.findDocument(kb.document("a.md"))).isPresent();
        assertThat(store.findKnowledgeBase(new KnowledgeBaseRef("acme", "new-kb"))).isEmpty();
        assertThat(assistants.find("acme", "hr")).isEmpty();
        assertThat(assistants.find("globex", "hr")).isEmpty();
        assertThat(broker.about(kb)).isEmpty();
        assertThat(broker.of(EventTypes.CONVERSION_REQUESTED, "acme")).isEmpty();
        assertThat(conversions.list("acme", null, 1000).conversions()).isEqualTo(conversionsBefore);
    }

    @Test
    void should_act_for_the_tokens_tenant_and_answer_404_for_another_tenants_ids_when_the_token_is_valid() {
        String kb = fresh("kb");
        String acmeAdmin = TestIssuer.shared().token("alice", "acme", "admin");
        String globexReader = TestIssuer.shared().token("bob", "globex", "reader");

        given().auth().oauth2(acmeAdmin).contentType("application/json").body("{\"knowledgeBase\":\"" + kb + "\"}")
                .when().post("/api/knowledge-bases").then().statusCode(201);
        given().auth().oauth2(acmeAdmin).contentType("application/json").body(ASSISTANT.replace("hr", "hr-" + kb))
                .when().post("/api/assistants").then().statusCode(201);

        assertThat(store.findKnowledgeBase(new KnowledgeBaseRef("acme", kb))).isPresent();
        given().auth().oauth2(globexReader).when().get("/api/knowledge-bases/" + kb)
                .then().statusCode(404).body("kind", equalTo("NOT_FOUND"));
        given().auth().oauth2(globexReader).when().get("/api/assistants/hr-" + kb).then().statusCode(404);
        given().auth().oauth2(TestIssuer.shared().token("carol", "acme", "reader")).when().get("/api/assistants")
                .then().statusCode(200).body("id", hasItem("hr-" + kb));

        String converter = TestIssuer.shared().token("erin", fresh("conv"), "admin");
        String conversion = given().auth().oauth2(converter).contentType("application/json")
                .body("{\"repository\":\"https://203.0.113.7/acme/shop.git\"}")
                .when().post("/api/conversions").then().statusCode(202).extract().path("id");
        String globexAdmin = TestIssuer.shared().token("dave", "globex", "admin");
        given().auth().oauth2(globexAdmin).when().get("/api/conversions/" + conversion).then().statusCode(404);
        given().auth().oauth2(globexAdmin).when().get("/api/conversions/" + conversion + "/pattern.zip").then().statusCode(404);
        given().auth().oauth2(converter).when().get("/api/conversions").then().statusCode(200)
                .body("conversions.id", hasItem(conversion));
    }

    @Test
    void should_tell_the_console_where_to_sign_in_without_a_token_when_identity_is_on() {
        given().when().get("/api/identity").then().statusCode(200)
                .body("mode", equalTo("oidc"))
                .body("issuer", equalTo(TestIssuer.shared().issuer()))
                .body("clientId", equalTo("ragfn-console"));
    }
}
