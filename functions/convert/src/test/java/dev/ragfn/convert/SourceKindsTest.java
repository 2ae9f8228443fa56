package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.rules.RuleLoader;
import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.convert.source.GitCloner;
import dev.ragfn.convert.source.SourceLimits;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.runtime.net.AddressPolicy;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same repository as a folder, a zip, a tar.gz and a Git repository gives the same pattern. */
class SourceKindsTest {

    private static final GitAccess LOCAL_GIT = GitAccess.publicHttp(AddressPolicy.publicOnly(), true, GitAccess.READ_TIMEOUT);

    @TempDir
    Path dir;

    @Test
    void should_give_the_same_pattern_when_the_source_is_a_zip_or_a_tar_gz() throws IOException {
        // given
        Path repo = Fixtures.repo("rag-umbrella");
        GeneratedPattern fromFolder = Fixtures.converter().convert(repo.toString(), Optional.empty(), Optional.of("rag"));

        // when
        GeneratedPattern fromZip = Fixtures.converter().convert(zip(repo).toString(), Optional.empty(), Optional.of("rag"));
        GeneratedPattern fromTar = Fixtures.converter().convert(tarGz(repo).toString(), Optional.empty(), Optional.of("rag"));

        // then
        assertSame(fromFolder, fromZip);
        assertSame(fromFolder, fromTar);
    }

    @Test
    void should_clone_the_ref_shallowly_within_limits_when_the_source_is_a_git_url() throws Exception {
        // given: a repository with the sample on branch 'release' and an unrelated file on main
        Path origin = dir.resolve("origin");
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Files.writeString(origin.resolve("README.md"), "# not yet\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
            git.checkout().setCreateBranch(true).setName("release").call();
            Fixtures.copy(Fixtures.repo("kustomize-sites"), origin);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("sample").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
            git.checkout().setName("main").call();
        }
        String url = origin.toUri().toString();

        // when
        GeneratedPattern pattern = Fixtures.converter().convert(url, Optional.of("release"), Optional.empty());

        // then
        assertThat(pattern.name()).isEqualTo("origin");
        assertThat(pattern.report().clusterGroups()).containsExactly("hub", "site-east", "site-west");
        assertThat(new String(pattern.files().get("pattern-metadata.yaml"), StandardCharsets.UTF_8))
                .as("the source is not the pattern's repository: it is named in the description only")
                .contains("description: Converted from " + url, "repo_url: https://github.com/CHANGEME/origin");
        Path clone = dir.resolve("clone");
        new GitCloner(SourceLimits.defaults(), LOCAL_GIT).cloneInto(url, Optional.of("release"), clone);
        assertThat(clone.resolve(".git/shallow")).exists();
        assertThatThrownBy(() -> Fixtures.converter().convert(url, Optional.of("no-such-branch"), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no-such-branch");
        SourceLimits tiny = new SourceLimits(1000, 2000, 1000, java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(100));
        assertThatThrownBy(() -> new GitCloner(tiny, LOCAL_GIT).cloneInto(url, Optional.of("release"), dir.resolve("too-big")))
                .isInstanceOf(dev.ragfn.core.error.TooLargeException.class).hasMessageContaining("more than 2000");
    }

    @Test
    void should_skip_the_file_naming_it_and_convert_the_rest_when_a_chart_holds_a_yaml_alias_bomb() throws IOException {
        // given
        Path repo = Files.createDirectories(dir.resolve("bomb/chart"));
        Files.writeString(repo.resolve("Chart.yaml"), "apiVersion: v2\nname: bomb\nversion: 0.1.0\n");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        Files.writeString(repo.resolve("values.yaml"), bomb);

        // when
        var pattern = Fixtures.converter().convert(dir.resolve("bomb").toString(), Optional.empty(), Optional.empty());

        // then: the alias bound still holds for that file, and the chart is converted without it being read
        assertThat(pattern.report().needsHuman()).anyMatch(n -> n.startsWith("Skipped") && n.contains("chart/values.yaml")
                && n.contains("aliases"));
        assertThat(pattern.files()).containsKey("charts/all/bomb/Chart.yaml");
    }

    @Test
    void should_refuse_local_sources_when_they_are_not_allowed() {
        SourceLimits limits = SourceLimits.defaults();
        PatternConverter remoteOnly = new PatternConverter(limits, new RuleLoader(limits.regexTimeout()).loadBundled(), false);
        String folder = Fixtures.repo("quarkus-app").toString();
        assertThatThrownBy(() -> remoteOnly.convert(folder, Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Only Git URLs");
        assertThatThrownBy(() -> remoteOnly.convert("file://" + folder, Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("file://");
    }

    private static void assertSame(GeneratedPattern expected, GeneratedPattern actual) {
        assertThat(actual.files().keySet()).containsExactlyElementsOf(expected.files().keySet());
        expected.files().forEach((path, bytes) -> assertThat(Arrays.equals(bytes, actual.files().get(path))).as(path).isTrue());
    }

    private Path zip(Path repo) {
        return Fixtures.zip(repo, dir.resolve("rag.zip"));
    }

    private Path tarGz(Path repo) {
        return Fixtures.tarGz(repo, dir.resolve("rag.tar.gz"), "rag/");
    }
}
