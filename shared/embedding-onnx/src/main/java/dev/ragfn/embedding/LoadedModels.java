package dev.ragfn.embedding;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Models that take long to load (an ONNX session: about a second of CPU), each loaded once per JVM on a
 * platform thread of its own, so that the application's start-up goes on meanwhile on the other core.
 * Inferences wait for their model, then run through an {@link InferenceGate}; readiness reports the loads;
 * at exit the models are closed once no load and no inference runs.
 *
 * @param <K> what names a model
 * @param <M> a loaded model; {@link AutoCloseable#close()} frees it
 */
final class LoadedModels<K, M extends AutoCloseable> {

    /** What the loads begun so far have come to, for readiness. */
    sealed interface State<K> {
        /** Every load begun has finished (none begun: nothing to wait for). */
        record Ready<K>() implements State<K> {
        }

        record Loading<K>(K key) implements State<K> {
        }

        record Failed<K>(K key, String error) implements State<K> {
        }
    }

    private static final Logger LOG = Logger.getLogger(LoadedModels.class);

    private final Function<K, M> loader;
    private final Duration wait;
    private final InferenceGate gate = new InferenceGate();
    private final Map<K, CompletableFuture<M>> loads = new ConcurrentHashMap<>();

    /**
     * @param loader loads one model (on its own thread); an exception it throws is the answer to every inference
     * @param wait   how long an inference waits for its model's load before it is refused
     */
    LoadedModels(Function<K, M> loader, Duration wait) {
        this.loader = loader;
        this.wait = wait;
    }

    /** Starts loading {@code key} on a thread of its own unless it has begun; returns at once. */
    void load(K key) {
        loading(key);
    }

    /** Runs one inference on {@code key}'s model, once it is loaded. */
    <T> T run(K key, Function<M, T> inference) {
        M model = await(key);
        return gate.run(() -> inference.apply(model));
    }

    /** {@code key}'s model, loaded if need be: the caller waits (outside the gate, so shutdown need not wait for it). */
    M await(K key) {
        try {
            return loading(key).get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new EmbeddingModelUnavailableException(
                    "The in-process embedding model " + key + " failed to load: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new EmbeddingModelUnavailableException(
                    "The in-process embedding model " + key + " is still loading after " + wait, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingModelUnavailableException("Interrupted while the in-process embedding model " + key
                    + " loads", e);
        }
    }

    /** A failed load first (it will not get better), then one still running; else ready. */
    State<K> state() {
        State<K> state = new State.Ready<>();
        for (Map.Entry<K, CompletableFuture<M>> load : loads.entrySet()) {
            CompletableFuture<M> loaded = load.getValue();
            if (loaded.isCompletedExceptionally()) {
                return new State.Failed<>(load.getKey(), String.valueOf(loaded.exceptionNow().getMessage()));
            }
            if (!loaded.isDone()) {
                state = new State.Loading<>(load.getKey());
            }
        }
        return state;
    }

    /**
     * At exit: refuses new inferences, waits for loads still running and for running inferences (at most
     * {@code timeout} in all), then closes the loaded models. A model that is still loaded on, or in use, at the end
     * stays open: the process exits with it rather than free it under its user.
     *
     * @return true when every model was closed
     */
    boolean close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicBoolean all = new AtomicBoolean(true);
        boolean released = gate.close(timeout, () -> loads.forEach((key, loaded) -> {
            try {
                loaded.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).close();
            } catch (ExecutionException e) {
                // it never loaded: nothing to close
            } catch (TimeoutException e) {
                all.set(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all.set(false);
            } catch (Exception e) {
                LOG.debugf(e, "Closing the in-process embedding model %s failed", key);
            }
        }));
        return released && all.get();
    }

    private CompletableFuture<M> loading(K key) {
        CompletableFuture<M> loaded = loads.get(key);
        if (loaded != null) {
            return loaded;
        }
        if (gate.closed()) {
            throw new EmbeddingModelUnavailableException("The in-process embedding model is shutting down", null);
        }
        return loads.computeIfAbsent(key, k -> {
            CompletableFuture<M> started = new CompletableFuture<>();
            // A daemon: a load still running must not hold the JVM's exit.
            Thread.ofPlatform().daemon().name("ragfn-model-load-" + k).start(() -> {
                try {
                    started.complete(loader.apply(k));
                } catch (Throwable e) {
                    LOG.errorf(e, "Loading the in-process embedding model %s failed", k);
                    started.completeExceptionally(e);
                }
            });
            return started;
        });
    }
}
