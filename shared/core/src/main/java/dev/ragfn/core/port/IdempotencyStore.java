package dev.ragfn.core.port;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes at-least-once delivery safe: a handler claims an event key (CloudEvent source and id)
 * before doing work, and records the outcome after. A redelivered event finds the record and has
 * no second effect, even when two deliveries arrive at once.
 */
public interface IdempotencyStore extends AutoCloseable {

    /** What a claim found. */
    sealed interface Claim {
        /** Nobody has processed the key: the caller owns it until the lease ends. */
        record Acquired() implements Claim {
        }

        /** Another delivery holds an unexpired lease on the key: retry later. */
        record InProgress() implements Claim {
        }

        /** The key was processed; {@code result} is what the first delivery recorded. */
        record Completed(String result) implements Claim {
        }
    }

    /**
     * Atomically claims {@code key} for {@code lease}. An expired lease (a crashed delivery) can be
     * claimed again, so work is never lost.
     */
    Claim claim(String key, Duration lease);

    /** Records the outcome; later claims of the key return it as {@link Claim.Completed}. */
    void complete(String key, String result);

    /** Gives the key up after a failure, so the platform's retry can claim it. */
    void release(String key);

    /** Runs {@code work} once per key; a duplicate returns the first result, or empty while in progress. */
    default Optional<String> once(String key, Duration lease, java.util.function.Supplier<String> work) {
        Claim claim = claim(key, lease);
        if (claim instanceof Claim.Completed done) {
            return Optional.of(done.result());
        }
        if (claim instanceof Claim.InProgress) {
            return Optional.empty();
        }
        try {
            String result = work.get();
            complete(key, result == null ? "" : result);
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            release(key);
            throw e;
        }
    }

    @Override
    void close();
}
