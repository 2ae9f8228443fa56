package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.convert.source.SilentServer;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.runtime.net.AddressPolicy;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitPublisherTest {

    private static final GitAccess LOCAL_GIT = GitAccess.publicHttp(AddressPolicy.publicOnly(), true, GitAccess.READ_TIMEOUT);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void should_push_one_reproducible_commit_as_a_new_branch_when_a_pattern_is_published() throws Exception {
        // given
        GeneratedPattern pattern = Fixtures.convert("quarkus-app");
        Path first = bare("first");
        Path second = bare("second");

        // when
        String id = GitPublisher.pushAsBranch(pattern, first.toUri().toString(), "pattern/quarkus", LOCAL_GIT, LIMIT);
        String again = GitPublisher.pushAsBranch(pattern, second.toUri().toString(), "pattern/quarkus", LOCAL_GIT, LIMIT);

        // then
        assertThat(again).isEqualTo(id);
        try (Git git = Git.open(first.toFile())) {
            Repository repo = git.getRepository();
            ObjectId head = repo.resolve("refs/heads/pattern/quarkus");
            assertThat(head.getName()).isEqualTo(id);
            try (RevWalk walk = new RevWalk(repo);
                 TreeWalk tree = TreeWalk.forPath(repo, "values-hub.yaml", walk.parseCommit(head).getTree())) {
                assertThat(tree).isNotNull();
            }
        }
        assertThatThrownBy(() -> GitPublisher.pushAsBranch(Fixtures.convert("kserve-inference"), first.toUri().toString(), "pattern/quarkus", LOCAL_GIT, LIMIT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
    }

    @Test
    void should_refuse_a_push_to_a_loopback_url_without_connecting_when_the_function_pushes() throws Exception {
        try (SilentServer canary = SilentServer.silent()) {
            // given
            GitAccess function = GitAccess.publicHttp(AddressPolicy.publicOnly(), false, GitAccess.READ_TIMEOUT);

            // when / then
            assertThatThrownBy(() -> GitPublisher.pushAsBranch(Fixtures.convert("quarkus-app"),
                    "http://127.0.0.1:" + canary.port() + "/x.git", "pattern/quarkus", function, LIMIT))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Refusing to fetch from host '127.0.0.1'");
            assertThat(canary.connections()).isZero();
        }
    }

    @Test
    void should_push_from_the_command_line_and_refuse_bad_usage_when_the_cli_runs() throws Exception {
        // given
        Path remote = bare("cli");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int pushed = ConvertCli.run(new String[] {"convert", Fixtures.repo("kserve-inference").toString(), "--push",
                remote.toUri().toString(), "--branch", "converted"}, new PrintStream(out), new PrintStream(err));
        int usage = ConvertCli.run(new String[] {"convert", "somewhere"}, new PrintStream(out), new PrintStream(err));
        int refused = ConvertCli.run(new String[] {"convert", dir.resolve("missing").toString(), "--out", dir.resolve("o").toString()},
                new PrintStream(out), new PrintStream(err));

        // then
        assertThat(pushed).isZero();
        assertThat(out.toString()).contains("pushed to").contains("as branch converted");
        assertThat(usage).isEqualTo(2);
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("usage: convert").contains("does not exist");
    }

    private Path bare(String name) throws Exception {
        Path path = dir.resolve(name + ".git");
        Git.init().setBare(true).setDirectory(path.toFile()).call().close();
        return path;
    }
}
