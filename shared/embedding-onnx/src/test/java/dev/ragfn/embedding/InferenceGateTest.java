package dev.ragfn.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InferenceGateTest {

    private final InferenceGate gate = new InferenceGate();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    /** A thread per task: the inference blocks its thread, and shutdown needs another. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        finish.countDown();
        threads.shutdownNow();
    }

    @Test
    void should_close_the_sessions_only_after_the_running_inference_finished_when_shutting_down() throws Exception {
        // given: an inference in flight
        CompletableFuture<String> inference = CompletableFuture.supplyAsync(() -> gate.run(this::blockingInference), threads);
        running.await();

        // when: shutdown begins, then the inference finishes
        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(
                () -> gate.close(Duration.ofMinutes(5), () -> events.add("sessions closed")), threads);
        while (!gate.closed()) {
            Thread.onSpinWait();
        }
        finish.countDown();

        // then
        assertThat(inference.get()).isEqualTo("vectors");
        assertThat(closing.get()).isTrue();
        assertThat(events).containsExactly("inference finished", "sessions closed");
    }

    @Test
    void should_leave_the_sessions_open_when_an_inference_outlasts_the_wait() throws Exception {
        // given
        CompletableFuture<String> inference = CompletableFuture.supplyAsync(() -> gate.run(this::blockingInference), threads);
        running.await();

        // when
        boolean closed = gate.close(Duration.ZERO, () -> events.add("sessions closed"));

        // then: freeing a session under a running inference is what crashes the process
        assertThat(closed).isFalse();
        assertThat(events).isEmpty();
        finish.countDown();
        assertThat(inference.get()).isEqualTo("vectors");
    }

    @Test
    void should_refuse_new_inferences_when_shutdown_has_begun() {
        // given
        gate.close(Duration.ofMinutes(5), () -> events.add("sessions closed"));

        // when / then
        assertThatThrownBy(() -> gate.run(() -> "vectors"))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("shutting down");
        assertThat(events).containsExactly("sessions closed");
    }

    private String blockingInference() {
        running.countDown();
        try {
            finish.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        events.add("inference finished");
        return "vectors";
    }
}
