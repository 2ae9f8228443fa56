package dev.ragfn.convert;

import dev.ragfn.core.error.StoreUnavailableException;
import io.smallrye.mutiny.Uni;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads conversions run on. They are their own because Funqy calls every function on
 * Quarkus's shared worker pool, and a clone waiting on a slow Git server must not hold a thread
 * that health checks and other functions need. At most {@code size} run at once; one more is
 * refused at once with a retryable error rather than queued behind clones that may take minutes.
 */
final class ConversionPool implements AutoCloseable {

    private final int size;
    private final Semaphore slots;
    private final ExecutorService threads;

    ConversionPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("ragfn.convert.max-concurrent must be at least 1, not " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "ragfn-convert-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code work} on a conversion thread once subscribed, or fails at once when all are busy.
     * The slot is freed before the result is emitted, so the caller's next request finds it free.
     */
    <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().deferred(() -> {
            if (!slots.tryAcquire()) {
                return Uni.createFrom().failure(new StoreUnavailableException("Conversion refused: " + size
                        + " conversions are already running here (ragfn.convert.max-concurrent); retry later"));
            }
            return Uni.createFrom().item(() -> {
                try {
                    return work.get();
                } finally {
                    slots.release();
                }
            }).runSubscriptionOn(threads);
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
