package dev.ragfn.bundle;

import dev.ragfn.core.event.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A valid event that its function refuses is dead-lettered, in a bounded letter. */
@QuarkusTest
class DeadLettersTest {

    @ConfigProperty(name = "ragfn.data-dir")
    Path dataDir;
    @ConfigProperty(name = "ragfn.broker.dead-letters.max-letter-bytes")
    long maxLetterBytes;

    private long deadLetterBytes() throws IOException {
        Path file = dataDir.resolve("dead-letters.jsonl");
        return Files.exists(file) ? Files.size(file) : 0;
    }

    @Test
    void should_keep_a_bounded_letter_when_a_large_event_fails_in_its_function() throws IOException {
        // given: an event the door takes (a well-formed summary request) that summarize refuses
        long before = deadLetterBytes();

        // when
        for (int i = 0; i < 10; i++) {
            given().header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                    .header("ce-source", "/tests").header("ce-type", EventTypes.SUMMARY_REQUESTED)
                    .contentType("application/json")
                    .body(Map.of("duration", "bogus", "model", "m".repeat(900_000)))
                    .post("/events")
                    .then().statusCode(200);
        }

        // then
        long added = deadLetterBytes() - before;
        assertThat(added).isGreaterThan(0).isLessThanOrEqualTo(10 * (maxLetterBytes + 1_024));
    }
}
