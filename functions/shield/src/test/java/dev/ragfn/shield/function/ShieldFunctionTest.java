package dev.ragfn.shield.function;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ShieldFunctionTest {

    @Test
    void should_answer_redact_with_spans_when_message_contains_an_email_and_a_phone() {
        given().contentType("application/json").body(event("shield-request-pii.json"))
                .post("/shield")
                .then().statusCode(200)
                .body("decision", equalTo("REDACT"))
                .body("policy", equalTo("built-in default"))
                .body("text", equalTo("Hi, I'm Jane ([EMAIL], [PHONE]). How do I reset my VPN token?"))
                .body("spans", hasSize(2))
                .body("spans.detector", contains("email", "phone"))
                .body("spans[0].category", equalTo("PII"))
                .body("spans[0].start", equalTo(14))
                .body("spans[0].end", equalTo(34))
                .body("spans[0].replacement", equalTo("[EMAIL]"))
                .body("spans[1].start", equalTo(36))
                .body("spans[1].end", equalTo(52));
    }

    @Test
    void should_answer_block_when_message_is_a_jailbreak() {
        given().contentType("application/json").body(event("shield-request-jailbreak.json"))
                .post("/shield")
                .then().statusCode(200)
                .body("decision", equalTo("BLOCK"))
                .body("text", nullValue())
                .body("spans.category", hasItem("PROMPT_INJECTION"))
                .body("reasons[0]", containsString("ignore-previous-instructions"));
    }

    @Test
    void should_apply_the_tenant_policy_when_the_tenant_has_a_policy_file() {
        given().contentType("application/json")
                .body(Map.of("text", "Status of Project  ZEUS for card 4111 1111 1111 1111?", "direction", "INPUT",
                        "tenant", "acme"))
                .post("/shield")
                .then().statusCode(200)
                .body("decision", equalTo("BLOCK"))
                .body("policy", equalTo("acme"))
                .body("spans.detector", contains("blocked-words", "payment-card"));
    }

    @Test
    void should_answer_block_when_answer_contains_a_private_key() {
        given().contentType("application/json")
                .body(Map.of("text", "Here it is:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                        + "-----END OPENSSH PRIVATE KEY-----", "direction", "OUTPUT", "tenant", "globex"))
                .post("/shield")
                .then().statusCode(200)
                .body("decision", equalTo("BLOCK"))
                .body("spans.detector", contains("private-key"));
    }

    @Test
    void should_reject_the_request_when_it_has_no_text() {
        given().contentType("application/json").body(Map.of("direction", "INPUT"))
                .post("/shield")
                .then().statusCode(400);
    }

    private static String event(String name) {
        try (InputStream in = ShieldFunctionTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_be_ready_without_opening_the_document_store_or_index_when_the_shield_reads_neither() {
        // when: the readiness probe Knative waits for before the first request
        given().get("/q/health/ready")

                // then: up, and the stores the_shield never reads were not opened for it
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("ragfn-stores")));
    }
}
