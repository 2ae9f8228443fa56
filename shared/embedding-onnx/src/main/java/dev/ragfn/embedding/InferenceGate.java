package dev.ragfn.embedding;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets inferences run until shutdown, then closes the native sessions only once none is running: ONNX
 * Runtime crashes the process (SIGSEGV) when its session goes away under a running inference.
 */
final class InferenceGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    /** Runs one inference, or refuses once closing has begun: the caller's work is retried elsewhere. */
    <T> T run(Supplier<T> inference) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new EmbeddingModelUnavailableException("The in-process embedding model is shutting down", null);
            }
            return inference.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Refuses new inferences, waits at most {@code timeout} for the running ones, then runs {@code release}.
     * When they do not finish in time, {@code release} does not run (the process exits with the sessions open
     * rather than free them under a running inference).
     *
     * @return true when {@code release} ran
     */
    boolean close(Duration timeout, Runnable release) {
        closed = true;
        try {
            if (!lock.writeLock().tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            release.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean closed() {
        return closed;
    }
}
