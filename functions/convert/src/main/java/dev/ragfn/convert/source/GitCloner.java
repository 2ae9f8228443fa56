package dev.ragfn.convert.source;

import dev.ragfn.core.error.TooLargeException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ProgressMonitor;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Clones one ref of a Git repository, shallow (depth 1) and without submodules, through a
 * {@link GitSession} of the given {@link GitAccess}: remotes it does not reach are refused before
 * anything connects, each read is bounded, and the clone gives up at the clone timeout. The size of
 * the checked-out tree is bounded afterwards by {@link RepoWalker}, with the same limits as any
 * other source.
 */
public final class GitCloner {

    private final SourceLimits limits;
    private final GitAccess access;

    public GitCloner(SourceLimits limits, GitAccess access) {
        this.limits = limits;
        this.access = access;
    }

    public static boolean isGitUrl(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.startsWith("https://") || s.startsWith("http://") || s.startsWith("ssh://")
                || s.startsWith("git://") || s.startsWith("file://") || s.matches("^[\\w.-]+@[\\w.-]+:.*");
    }

    public void cloneInto(String url, Optional<String> ref, Path target) {
        String action = "Cloning '" + url + "'" + ref.map(r -> " at '" + r + "'").orElse("");
        try (GitSession session = access.open(url, limits.cloneTimeout())) {
            var clone = Git.cloneRepository()
                    .setURI(url)
                    .setDirectory(target.toFile())
                    .setDepth(1)
                    .setCloneSubmodules(false)
                    .setTransportConfigCallback(session)
                    .setProgressMonitor(new Deadline(session));
            ref.ifPresent(clone::setBranch);
            try (Git ignored = clone.call()) {
                if (!session.withinDeadline()) {
                    throw session.failure(action, url, ref, new InterruptedIOException("clone deadline passed"));
                }
            } catch (GitAPIException | RuntimeException e) {
                throw session.failure(action, url, ref, e);
            }
        }
        checkSize(url, target);
    }
    /** The fetched pack counts too: a shallow clone of a huge history object is still refused. */
    private void checkSize(String url, Path target) {
        try (Stream<Path> files = Files.walk(target)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            if (bytes > limits.maxTotalBytes()) {
                throw new TooLargeException("Clone of '" + url + "' takes " + bytes + " bytes, more than " + limits.maxTotalBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to measure clone of " + url, e);
        }
    }

    /** Cancels the clone between progress steps once the deadline has passed. */
    private record Deadline(GitSession session) implements ProgressMonitor {
        @Override public void start(int totalTasks) { }
        @Override public void beginTask(String title, int totalWork) { }
        @Override public void update(int completed) { }
        @Override public void endTask() { }
        @Override public void showDuration(boolean enabled) { }

        @Override
        public boolean isCancelled() {
            return !session.withinDeadline();
        }
    }
}
