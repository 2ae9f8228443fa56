package dev.ragfn.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.TooLargeException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSourceTest {

    @TempDir
    Path temp;

    private Path root;
    private Path outside;
    private LocalFileSource source;

    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.writeString(temp.resolve("secret.txt"), "outside the root");
        source = new LocalFileSource(root, 100);
    }

    @Test
    void should_read_file_when_it_is_under_the_root() throws IOException {
        // given
        Path file = Files.writeString(Files.createDirectories(root.resolve("docs")).resolve("guide.md"), "# Guide");

        // when
        SourceContent content = source.fetch(file.toUri());

        // then
        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("# Guide");
        assertThat(content.name()).isEqualTo("guide.md");
        assertThat(content.contentType()).isNull();
        assertThat(content.location()).isEqualTo(file.toRealPath().toUri().toString());
    }

    @Test
    void should_refuse_when_path_escapes_root_with_dot_dot() {
        // given
        URI escape = URI.create(root.toUri() + "../secret.txt");

        // when / then
        assertThatThrownBy(() -> source.fetch(escape))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is outside the local root");
    }

    @Test
    void should_refuse_when_symlink_points_outside_root() throws IOException {
        // given
        Path link = Files.createSymbolicLink(root.resolve("innocent.txt"), outside);

        // when / then
        assertThatThrownBy(() -> source.fetch(link.toUri()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("symlink");
    }

    @Test
    void should_refuse_when_symlinked_directory_leads_outside_root() throws IOException {
        // given
        Path linkedDirectory = Files.createSymbolicLink(root.resolve("shared"), temp);

        // when / then
        assertThatThrownBy(() -> source.fetch(linkedDirectory.resolve("secret.txt").toUri()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("symlink");
    }

    @Test
    void should_read_file_when_symlink_stays_inside_root() throws IOException {
        // given
        Path target = Files.writeString(root.resolve("real.txt"), "inside");
        Path link = Files.createSymbolicLink(root.resolve("alias.txt"), target);

        // when
        SourceContent content = source.fetch(link.toUri());

        // then
        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("inside");
    }

    @Test
    void should_refuse_when_path_is_a_directory() throws IOException {
        // given
        Path directory = Files.createDirectories(root.resolve("folder"));

        // when / then
        assertThatThrownBy(() -> source.fetch(directory.toUri()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void should_report_not_found_when_file_does_not_exist() {
        // given
        URI missing = root.resolve("missing.txt").toUri();

        // when / then
        assertThatThrownBy(() -> source.fetch(missing)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_refuse_when_file_is_over_the_cap() throws IOException {
        // given
        Path big = Files.writeString(root.resolve("big.txt"), "x".repeat(101));

        // when / then
        assertThatThrownBy(() -> source.fetch(big.toUri()))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("limit of 100 bytes");
    }
}
