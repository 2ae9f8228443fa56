package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoWalkerTest {

    @TempDir
    Path dir;

    @Test
    void should_refuse_the_source_when_a_symlink_escapes_the_folder() throws IOException {
        // given
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("Chart.yaml"), "name: x\n");
        Files.writeString(dir.resolve("secret.txt"), "s3cr3t");
        Files.createSymbolicLink(repo.resolve("values.yaml"), Path.of("../secret.txt"));

        // when / then
        assertThatThrownBy(() -> new RepoWalker(SourceLimits.defaults()).walk(repo))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'values.yaml'").hasMessageContaining("outside");
    }

    @Test
    void should_skip_the_link_when_a_symlink_stays_inside() throws IOException {
        // given
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("a.yaml"), "a: 1\n");
        Files.createSymbolicLink(repo.resolve("b.yaml"), Path.of("a.yaml"));

        // when / then
        assertThat(new RepoWalker(SourceLimits.defaults()).walk(repo)).extracting(RepoWalker.RepoFile::path).containsExactly("a.yaml");
    }

    @Test
    void should_refuse_the_source_when_the_repository_is_too_large() throws IOException {
        // given
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.write(repo.resolve("big.bin"), new byte[4096]);
        SourceLimits tiny = new SourceLimits(100, 1000, 1000, Duration.ofSeconds(5), Duration.ofMillis(100));

        // when / then
        assertThatThrownBy(() -> new RepoWalker(tiny).walk(repo)).isInstanceOf(TooLargeException.class)
                .hasMessageContaining("larger than 1000 bytes").hasMessageContaining("'big.bin'");
    }
}
