package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ProgressMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Clones one ref of a Git repository, shallow (depth 1) and without submodules, and gives up when
 * the clone takes longer than the limit. The size of the checked-out tree is bounded afterwards by
 * {@link RepoWalker}, with the same limits as any other source.
 */
public final class GitCloner {

    private final SourceLimits limits;
    private final boolean allowFileUrls;

    public GitCloner(SourceLimits limits, boolean allowFileUrls) {
        this.limits = limits;
        this.allowFileUrls = allowFileUrls;
    }

    public static boolean isGitUrl(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.startsWith("https://") || s.startsWith("http://") || s.startsWith("ssh://")
                || s.startsWith("git://") || s.startsWith("file://") || s.matches("^[\\w.-]+@[\\w.-]+:.*");
    }

    public void cloneInto(String url, Optional<String> ref, Path target) {
        if (url.toLowerCase(Locale.ROOT).startsWith("file://") && !allowFileUrls) {
            throw new InvalidInputException("file:// Git URLs are not accepted here: '" + url + "'");
        }
        long deadline = System.nanoTime() + limits.cloneTimeout().toNanos();
        var clone = Git.cloneRepository()
                .setURI(url)
                .setDirectory(target.toFile())
                .setDepth(1)
                .setCloneSubmodules(false)
                .setTimeout((int) Math.max(1, limits.cloneTimeout().toSeconds()))
                .setProgressMonitor(new Deadline(deadline));
        ref.ifPresent(clone::setBranch);
        try (Git ignored = clone.call()) {
            if (System.nanoTime() > deadline) {
                throw tooSlow(url);
            }
            checkSize(url, target);
        } catch (JGitInternalException e) {
            if (System.nanoTime() > deadline) {
                throw tooSlow(url);
            }
            throw new InvalidInputException("Failed to clone '" + url + "'" + ref.map(r -> " at '" + r + "'").orElse("")
                    + ": " + e.getMessage(), e);
        } catch (GitAPIException e) {
            throw new InvalidInputException("Failed to clone '" + url + "'" + ref.map(r -> " at '" + r + "'").orElse("")
                    + ": " + e.getMessage(), e);
        }
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

    private TooLargeException tooSlow(String url) {
        return new TooLargeException("Clone of '" + url + "' took longer than " + limits.cloneTimeout().toSeconds() + " s");
    }

    /** Cancels the clone between progress steps once the deadline has passed. */
    private record Deadline(long deadlineNanos) implements ProgressMonitor {
        @Override public void start(int totalTasks) { }
        @Override public void beginTask(String title, int totalWork) { }
        @Override public void update(int completed) { }
        @Override public void endTask() { }
        @Override public void showDuration(boolean enabled) { }

        @Override
        public boolean isCancelled() {
            return System.nanoTime() > deadlineNanos;
        }
    }
}
