package dev.ragfn.bundle.broker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker's dead letters stay bounded: each letter, and the files all together. */
class DeadLetterFileTest {

    @TempDir
    Path dir;

    private static DeadLetterFile.Letter letter(String id, Object data, String error) {
        return new DeadLetterFile.Letter("summarize", "dev.ragfn.summary.requested", id, "/tests",
                Map.of("tenant", "acme"), data, error);
    }

    @Test
    void should_truncate_the_data_with_a_marker_and_keep_envelope_and_error_when_a_letter_is_over_its_cap() throws IOException {
        // given
        DeadLetterFile letters = new DeadLetterFile(dir.resolve("dead-letters.jsonl"), 16_384, 1_000_000, 3);

        // when
        letters.write(letter("e-1", Map.of("model", "m".repeat(9_900_000)), "duration must look like 24h"));

        // then
        List<String> lines = Files.readAllLines(dir.resolve("dead-letters.jsonl"));
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().getBytes().length).isLessThanOrEqualTo(16_384);
        JsonNode written = Json.mapper().readTree(lines.getFirst());
        assertThat(written.get("id").asText()).isEqualTo("e-1");
        assertThat(written.get("type").asText()).isEqualTo("dev.ragfn.summary.requested");
        assertThat(written.get("source").asText()).isEqualTo("/tests");
        assertThat(written.get("function").asText()).isEqualTo("summarize");
        assertThat(written.get("extensions").get("tenant").asText()).isEqualTo("acme");
        assertThat(written.get("error").asText()).isEqualTo("duration must look like 24h");
        assertThat(written.get("dataTruncated").asBoolean()).isTrue();
        assertThat(written.get("dataBytes").asLong()).isGreaterThan(9_900_000);
        assertThat(written.get("data").asText()).startsWith("{\"model\":\"mmm");
    }

    @Test
    void should_keep_a_small_letter_whole() throws IOException {
        DeadLetterFile letters = new DeadLetterFile(dir.resolve("dead-letters.jsonl"), 16_384, 1_000_000, 3);

        letters.write(letter("e-2", Map.of("duration", "bogus"), "duration must look like 24h"));

        JsonNode written = Json.mapper().readTree(Files.readAllLines(dir.resolve("dead-letters.jsonl")).getFirst());
        assertThat(written.get("data").get("duration").asText()).isEqualTo("bogus");
        assertThat(written.has("dataTruncated")).isFalse();
    }

    @Test
    void should_cut_an_error_message_that_is_over_the_letter_cap() throws IOException {
        DeadLetterFile letters = new DeadLetterFile(dir.resolve("dead-letters.jsonl"), 16_384, 1_000_000, 3);

        letters.write(letter("e-3", Map.of(), "x".repeat(1_000_000)));

        String line = Files.readAllLines(dir.resolve("dead-letters.jsonl")).getFirst();
        assertThat(line.length()).isLessThanOrEqualTo(16_384);
    }

    @Test
    void should_rotate_and_keep_at_most_the_configured_files_when_letters_exceed_the_file_cap() throws IOException {
        // given
        DeadLetterFile letters = new DeadLetterFile(dir.resolve("dead-letters.jsonl"), 8_192, 30_000, 3);

        // when
        for (int i = 0; i < 200; i++) {
            letters.write(letter("e-" + i, Map.of("model", "m".repeat(1_000)), "bad"));
        }

        // then
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("dead-letters.1.jsonl", "dead-letters.2.jsonl", "dead-letters.jsonl");
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(30_000);
        }
        List<String> current = Files.readAllLines(dir.resolve("dead-letters.jsonl"));
        assertThat(Json.mapper().readTree(current.getLast()).get("id").asText()).isEqualTo("e-199");
    }
}
