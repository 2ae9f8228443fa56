package dev.ragfn.chatturn;

import dev.ragfn.core.config.RagfnConfig.EmbeddingProvider;
import io.opentelemetry.context.Context;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where turns retrieve and rank passages, for the question and for each search the model asks for with a tool: with
 * in-process embeddings, on a few platform threads of their own, the turns beyond them waiting in arrival order. That work is CPU-bound, and ONNX Runtime holds the thread that calls
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

    /** Where one turn retrieves: through this gate, and not at all once the turn is given up. */
    Turn forTurn(Consumer<Runnable> onCancel) {
        return new Turn(onCancel);
    }

    /** The result of {@code work}, run once a place is free, for a turn that is never given up. */
    <T> T run(Supplier<T> work) {
        return run(work, action -> { });
    }

    /**
     * The result of {@code work}, run once a place is free; the trace context goes with it. A turn given up while it
     * waits (its client went away) never runs its work: nobody would read what it finds, and the turns behind it wait
     * for the place it would take.
     *
     * @param onCancel takes what to do once the turn is given up, run at once if it already is
     * @throws CancellationException when the turn is given up before its work began, or its waiting thread is
     *                               interrupted
     */
    <T> T run(Supplier<T> work, Consumer<Runnable> onCancel) {
        AtomicBoolean givenUp = new AtomicBoolean();
        AtomicReference<Future<T>> queued = new AtomicReference<>();
        onCancel.accept(() -> {
            givenUp.set(true);
            // The waiting thread leaves at once; work already running is left to finish, as an interrupt could
            // close the index's open files under it.
            Optional.ofNullable(queued.get()).ifPresent(result -> result.cancel(false));
        });
        Supplier<T> unlessGivenUp = () -> {
            if (givenUp.get()) {
                throw new CancellationException("The turn was given up before it retrieved");
            }
            return work.get();
        };
        if (threads == null) {
            return unlessGivenUp.get();
        }
        Future<T> result = threads.submit(Context.current().wrap(unlessGivenUp::get));
        queued.set(result);
        if (givenUp.get()) {
            result.cancel(false);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(false);
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

    /** The gate as one turn passes it: the turn's own retrieval and that of the tools it calls. */
    final class Turn {

        private final Consumer<Runnable> onCancel;

        private Turn(Consumer<Runnable> onCancel) {
            this.onCancel = onCancel;
        }

        <T> T run(Supplier<T> work) {
            return RetrievalGate.this.run(work, onCancel);
        }
    }

    /** Turns waiting for a place (an estimate, as the pool's queue length is). */
    int waiting() {
        return threads == null ? 0 : threads.getQueue().size();
    }
}
