package dev.ragfn.chatturn;

import dev.ragfn.core.config.RagfnConfig.EmbeddingProvider;
import io.opentelemetry.context.Context;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * Where turns retrieve and rank passages: with in-process embeddings, on a few platform threads of their own, the
 * turns beyond them waiting in arrival order. That work is CPU-bound, and ONNX Runtime holds the thread that calls
 * it: on the turns' virtual threads it held the carriers every virtual thread shares, including those reading the
 * model's streams, and 200 turns at once got their first token only once nearly all had retrieved. Remote
 * embeddings and search only wait on the network, so without a limit they run on the turn's own thread.
 */
final class RetrievalGate {

    private static final RetrievalGate OPEN = new RetrievalGate(null);

    /** Null when turns retrieve on their own thread. */
    private final ThreadPoolExecutor threads;

    private RetrievalGate(ThreadPoolExecutor threads) {
        this.threads = threads;
    }

    static RetrievalGate open() {
        return OPEN;
    }

    static RetrievalGate of(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("ragfn.chat.retrieval-concurrency must be at least 1, was " + concurrency);
        }
        // A fixed pool takes its queue in arrival order; daemon threads, so an idle pool never holds the JVM up.
        return new RetrievalGate((ThreadPoolExecutor) Executors.newFixedThreadPool(concurrency,
                Thread.ofPlatform().name("chat-retrieval-", 1).daemon().factory()));
    }

    /** The configured limit; unset, the number of cores for in-process embeddings and none for remote ones. */
    static RetrievalGate of(Optional<Integer> concurrency, EmbeddingProvider embeddings) {
        if (concurrency.isPresent()) {
            return of(concurrency.get());
        }
        return embeddings == EmbeddingProvider.IN_PROCESS ? of(Runtime.getRuntime().availableProcessors()) : open();
    }

    /**
     * The result of {@code work}, run once a place is free; the trace context goes with it.
     *
     * @throws CancellationException when the waiting thread is interrupted (the turn is given up)
     */
    <T> T run(Supplier<T> work) {
        if (threads == null) {
            return work.get();
        }
        Future<T> result = threads.submit(Context.current().wrap(work::get));
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting to retrieve");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Turns waiting for a place (an estimate, as the pool's queue length is). */
    int waiting() {
        return threads == null ? 0 : threads.getQueue().size();
    }
}
