package dev.ragfn.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process model's load on a thread of its own, with a fake model whose load the test holds and releases. */
class LoadedModelsTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger loadsRun = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void should_give_the_first_inference_the_model_when_it_waited_for_a_slow_load() throws Exception {
        // given: a load that has not finished
        LoadedModels<String, FakeModel> models = new LoadedModels<>(this::slowLoad, LONG);
        models.load("minilm");

        // when: an inference asks for the model meanwhile, then the load finishes
        CompletableFuture<String> inference = CompletableFuture.supplyAsync(
                () -> models.run("minilm", model -> "vectors of " + model.name), threads);
        assertThat(inference).isNotDone();
        release.countDown();

        // then
        assertThat(inference.get()).isEqualTo("vectors of minilm");
        assertThat(loadsRun).hasValue(1);
    }

    @Test
    void should_load_a_model_once_when_it_is_asked_for_many_times() {
        // given
        LoadedModels<String, FakeModel> models = new LoadedModels<>(this::slowLoad, LONG);
        release.countDown();

        // when
        models.load("minilm");
        models.load("minilm");
        models.run("minilm", model -> model.name);
        models.run("minilm", model -> model.name);

        // then
        assertThat(loadsRun).hasValue(1);
    }

    @Test
    void should_report_loading_until_the_load_finishes_and_ready_after() {
        // given
        LoadedModels<String, FakeModel> models = new LoadedModels<>(this::slowLoad, LONG);
        assertThat(models.state()).isEqualTo(new LoadedModels.State.Ready<String>());

        // when
        models.load("minilm");

        // then
        assertThat(models.state()).isEqualTo(new LoadedModels.State.Loading<>("minilm"));
        release.countDown();
        models.await("minilm");
        assertThat(models.state()).isEqualTo(new LoadedModels.State.Ready<String>());
    }

    @Test
    void should_give_the_load_error_to_inferences_and_readiness_when_the_load_failed() {
        // given
        LoadedModels<String, FakeModel> models = new LoadedModels<>(name -> {
            throw new IllegalStateException("Failed to load the in-process embedding model " + name + ": corrupt file");
        }, LONG);

        // when
        models.load("minilm");

        // then: the request is refused as unavailable (retried), naming the cause, and so is readiness
        assertThatThrownBy(() -> models.run("minilm", model -> model.name))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("minilm failed to load")
                .hasMessageContaining("corrupt file");
        assertThat(models.state()).isEqualTo(new LoadedModels.State.Failed<>("minilm",
                "Failed to load the in-process embedding model minilm: corrupt file"));
    }

    @Test
    void should_refuse_an_inference_when_the_load_outlasts_the_wait() {
        // given: a load that never finishes within the test, and no time to wait for it
        LoadedModels<String, FakeModel> models = new LoadedModels<>(this::slowLoad, Duration.ZERO);

        // when / then
        assertThatThrownBy(() -> models.run("minilm", model -> model.name))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("still loading");
    }

    @Test
    void should_close_the_model_once_loaded_when_shutdown_began_during_its_load() throws Exception {
        // given: a load in progress
        LoadedModels<String, FakeModel> models = new LoadedModels<>(this::slowLoad, LONG);
        models.load("minilm");

        // when: shutdown begins, then the load finishes
        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(() -> models.close(LONG), threads);
        assertThat(closing).isNotDone();
        release.countDown();

        // then: the model that was loading is closed, and nothing runs on it any more
        assertThat(closing.get()).isTrue();
        FakeModel loaded = models.await("minilm");
        assertThat(loaded.closed).isTrue();
        assertThatThrownBy(() -> models.run("minilm", model -> model.name))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("shutting down");
        assertThatThrownBy(() -> models.load("bge"))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("shutting down");
    }

    @Test
    void should_leave_a_model_open_when_its_load_outlasts_the_shutdown_wait() {
        // given: a load that does not finish in time
        LoadedModels<String, FakeModel> models = new LoadedModels<>(this::slowLoad, LONG);
        models.load("minilm");

        // when
        boolean closed = models.close(Duration.ZERO);

        // then: shutdown goes on without it; the process exits with it
        assertThat(closed).isFalse();
        release.countDown();
        assertThat(models.await("minilm").closed).isFalse();
    }

    @Test
    void should_close_nothing_and_finish_when_the_load_failed_before_shutdown() {
        // given
        LoadedModels<String, FakeModel> models = new LoadedModels<>(name -> {
            throw new IllegalStateException("no such file");
        }, LONG);
        models.load("minilm");

        // when / then
        assertThat(models.close(LONG)).isTrue();
    }

    private FakeModel slowLoad(String name) {
        loadsRun.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new FakeModel(name);
    }

    private static final class FakeModel implements AutoCloseable {
        private final String name;
        private volatile boolean closed;

        FakeModel(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
