package dev.ragfn.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** /api/identity with ragfn.auth.mode=none: the console signs nobody in. */
@QuarkusTest
class IdentityApiTest {

    @Test
    void should_say_there_is_no_sign_in_when_identity_is_off() {
        given().when().get("/api/identity").then().statusCode(200)
                .body("mode", equalTo("none"))
                .body("issuer", nullValue())
                .body("clientId", nullValue());
    }
}
