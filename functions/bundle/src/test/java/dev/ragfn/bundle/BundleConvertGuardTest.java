package dev.ragfn.bundle;

import dev.ragfn.core.event.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A conversion the broker delivers passes convert's SSRF guard, as one posted to the function does. */
@QuarkusTest
class BundleConvertGuardTest {

    @Test
    void should_refuse_a_conversion_of_a_loopback_git_url_without_connecting_when_the_broker_delivers_it() throws IOException {
        try (ServerSocket canary = new ServerSocket()) {
            // given: a listener on loopback that must never see a connection
            canary.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            canary.setSoTimeout(1);

            // when: the broker delivers it; a refused conversion is the function's failure, which the broker dead-letters
            Response response = given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                    .header("ce-source", "/tests").header("ce-type", EventTypes.CONVERSION_REQUESTED)
                    .contentType("application/json")
                    .body(Map.of("source", "http://127.0.0.1:" + canary.getLocalPort() + "/x.git"))
                    .post("/events");

            // then: no conversion, and nothing reached the loopback listener
            assertThat(response.statusCode()).isIn(200, 400);
            assertThat(response.asString()).doesNotContain(EventTypes.CONVERSION_COMPLETED);
            assertThat(accepts(canary)).isFalse();
        }
    }

    private static boolean accepts(ServerSocket canary) {
        try (var ignored = canary.accept()) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
