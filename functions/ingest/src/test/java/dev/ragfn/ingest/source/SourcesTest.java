package dev.ragfn.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.runtime.net.AddressPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourcesTest {

    @TempDir
    Path root;

    private Sources sources;

    @BeforeEach
    void createSources() {
        sources = new Sources(List.of(
                new UrlSource(AddressPolicy.publicOnly(), 1024, Duration.ofSeconds(1), Duration.ofSeconds(2), 3),
                new LocalFileSource(root, 1024)));
    }

    @Test
    void should_delegate_to_the_source_of_the_scheme_when_scheme_is_supported() throws IOException {
        // given
        Path file = Files.writeString(root.resolve("note.txt"), "hello");

        // when
        SourceContent content = sources.fetch(file.toUri());

        // then
        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example/doc.pdf", "jar:file:/app.jar!/secret.txt", "gopher://x/"})
    void should_refuse_with_supported_schemes_when_scheme_is_unsupported(String location) {
        // when / then
        assertThatThrownBy(() -> sources.fetch(URI.create(location)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unsupported source scheme")
                .hasMessageContaining("[file, http, https]");
    }

    @Test
    void should_refuse_when_location_has_no_scheme() {
        // when / then
        assertThatThrownBy(() -> sources.fetch(URI.create("docs/guide.md")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no scheme");
    }
}
