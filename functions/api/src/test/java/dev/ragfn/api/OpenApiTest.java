package dev.ragfn.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

/** The one OpenAPI document describes every route of the API. */
@QuarkusTest
class OpenApiTest {

    @Test
    void should_describe_every_route_when_the_openapi_document_is_read() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/knowledge-bases'.get", notNullValue())
                .body("paths.'/api/knowledge-bases'.post", notNullValue())
                .body("paths.'/api/knowledge-bases/{kb}'.delete", notNullValue())
                .body("paths.'/api/knowledge-bases/{kb}/documents'.post", notNullValue())
                .body("paths.'/api/knowledge-bases/{kb}/documents/{id}'.delete", notNullValue())
                .body("paths.'/api/knowledge-bases/{kb}/documents/{id}/reingest'.post", notNullValue())
                .body("paths.'/api/knowledge-bases/{kb}/documents/{id}/chunks/{chunkId}'.get", notNullValue())
                .body("paths.'/api/assistants/{id}'.put", notNullValue())
                .body("paths.'/api/sessions/{id}'.delete", notNullValue())
                .body("paths.'/api/summaries/report'.get", notNullValue())
                .body("paths.'/api/summaries/scopes'.get", notNullValue())
                .body("paths.'/api/conversions'.post", notNullValue())
                .body("paths.'/api/conversions'.get", notNullValue())
                .body("paths.'/api/conversions/{id}'.get", notNullValue())
                .body("paths.'/api/conversions/{id}/pattern.zip'.get", notNullValue());
    }
}
