package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.convert.source.GitSession;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.InvalidInputException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pushes a generated pattern as a new branch of a Git repository: one commit holding the whole
 * pattern, with a fixed author and time so the same pattern always makes the same commit. The
 * branch must not exist yet (nothing is force-pushed). Credentials come only from the environment
 * ({@code RAGFN_CONVERT_GIT_USERNAME}, {@code RAGFN_CONVERT_GIT_TOKEN}).
 */
public final class GitPublisher {

    private static final PersonIdent AUTHOR = new PersonIdent("ragfn convert", "convert@ragfn.dev",
            Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);

    private GitPublisher() {
    }

    /**
     * Returns the id of the pushed commit.
     *
     * @param access the Git remotes that may be pushed to
     * @param limit  the longest the push may take
     */
    public static String pushAsBranch(GeneratedPattern pattern, String remoteUrl, String branch, GitAccess access,
                                      Duration limit) {
        if (branch == null || !branch.matches("[A-Za-z0-9][A-Za-z0-9._/-]*") || branch.contains("..")) {
            throw new InvalidInputException("Invalid branch name '" + branch + "'");
        }
        Path work;
        try {
            work = Files.createTempDirectory("ragfn-convert-push-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary folder", e);
        }
        try {
            PatternFiles.writeTo(pattern, work);
            try (GitSession session = access.open(remoteUrl, limit)) {
                return commitAndPush(work, pattern.name(), remoteUrl, branch, session);
            }
        } finally {
            delete(work);
        }
    }

    private static String commitAndPush(Path work, String name, String remoteUrl, String branch, GitSession session) {
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch(branch).call()) {
            git.add().addFilepattern(".").call();
            String id = git.commit().setMessage("Validated Pattern '" + name + "' converted by ragfn convert")
                    .setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call().getName();
            var push = git.push().setRemote(remoteUrl).setTransportConfigCallback(session)
                    .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch));
            credentials().ifPresent(push::setCredentialsProvider);
            for (PushResult result : push.call()) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
                            || update.getStatus() == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED) {
                        throw new ConflictException("Branch '" + branch + "' already exists in " + remoteUrl);
                    }
                    if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        // the status only: the server's own message is its text, not ours to pass on
                        throw new InvalidInputException("Push of branch '" + branch + "' to " + remoteUrl + " failed: "
                                + update.getStatus());
                    }
                }
            }
            return id;
        } catch (GitAPIException | RuntimeException e) {
            throw session.failure("Pushing branch '" + branch + "' to '" + remoteUrl + "'", remoteUrl, Optional.empty(), e);
        }
    }

    private static Optional<UsernamePasswordCredentialsProvider> credentials() {
        String token = System.getenv("RAGFN_CONVERT_GIT_TOKEN");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String user = Optional.ofNullable(System.getenv("RAGFN_CONVERT_GIT_USERNAME")).orElse("git");
        return Optional.of(new UsernamePasswordCredentialsProvider(user, token));
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to delete " + dir, e);
        }
    }
}
