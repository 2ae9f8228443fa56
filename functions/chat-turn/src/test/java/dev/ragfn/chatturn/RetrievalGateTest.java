package dev.ragfn.chatturn;

import dev.ragfn.core.config.RagfnConfig.EmbeddingProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrievalGateTest {

    @Test
    void should_let_turns_retrieve_in_arrival_order_when_more_arrive_than_the_gate_lets_through() throws Exception {
        // given: one turn retrieving, holding the only place
        RetrievalGate gate = RetrievalGate.of(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> gate.run(() -> {
            order.add("first");
            firstInside.countDown();
            await(firstMayFinish);
            return null;
        }));
        firstInside.await();

        // when: two more arrive, one after the other
        Thread second = Thread.ofVirtual().start(() -> gate.run(() -> order.add("second")));
        awaitWaiting(gate, 1);
        Thread third = Thread.ofVirtual().start(() -> gate.run(() -> order.add("third")));
        awaitWaiting(gate, 2);
        List<String> whileFirstRetrieves = List.copyOf(order);
        firstMayFinish.countDown();
        first.join();
        second.join();
        third.join();

        // then: nobody overtook the first turn, and the others went in the order they came
        assertThat(whileFirstRetrieves).containsExactly("first");
        assertThat(order).containsExactly("first", "second", "third");
    }

    @Test
    void should_never_run_a_turns_work_when_the_turn_is_given_up_while_it_waits() throws Exception {
        // given: one turn holding the only place, a second waiting behind it
        RetrievalGate gate = RetrievalGate.of(1);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> gate.run(() -> {
            firstInside.countDown();
            await(firstMayFinish);
            return null;
        }));
        firstInside.await();
        AtomicInteger secondRan = new AtomicInteger();
        List<Runnable> whenGivenUp = new CopyOnWriteArrayList<>();
        List<Throwable> secondFailure = new CopyOnWriteArrayList<>();
        Thread second = Thread.ofVirtual().start(() -> {
            try {
                gate.run(secondRan::incrementAndGet, whenGivenUp::add);
            } catch (RuntimeException e) {
                secondFailure.add(e);
            }
        });
        awaitWaiting(gate, 1);

        // when: the second turn is given up, then the first finishes
        whenGivenUp.forEach(Runnable::run);
        second.join();
        firstMayFinish.countDown();
        first.join();
        gate.run(() -> null);

        // then: the second left at once, and its work never ran
        assertThat(secondFailure).singleElement().isInstanceOf(CancellationException.class);
        assertThat(secondRan).hasValue(0);
    }

    @Test
    void should_not_run_the_work_when_the_turn_is_already_given_up() {
        for (RetrievalGate gate : List.of(RetrievalGate.open(), RetrievalGate.of(1))) {
            AtomicInteger ran = new AtomicInteger();

            assertThatThrownBy(() -> gate.run(ran::incrementAndGet, Runnable::run))
                    .isInstanceOf(CancellationException.class);
            gate.run(() -> null);
            assertThat(ran).hasValue(0);
        }
    }

    @Test
    void should_retrieve_off_the_virtual_threads_when_a_virtual_thread_asks() throws Exception {
        // given
        RetrievalGate gate = RetrievalGate.of(2);
        List<Boolean> virtual = new CopyOnWriteArrayList<>();

        // when: a turn on a virtual thread retrieves
        Thread.ofVirtual().start(() -> gate.run(() -> virtual.add(Thread.currentThread().isVirtual()))).join();

        // then: the CPU-bound work held a platform thread of the gate, not a carrier that every virtual thread shares
        assertThat(virtual).containsExactly(false);
    }

    @Test
    void should_pass_the_failure_on_when_retrieval_fails() {
        RetrievalGate gate = RetrievalGate.of(1);

        assertThatThrownBy(() -> gate.run(() -> {
            throw new IllegalStateException("index unreachable");
        })).isInstanceOf(IllegalStateException.class).hasMessage("index unreachable");
    }

    @Test
    void should_limit_to_the_cores_when_embeddings_run_in_process_and_nothing_is_configured() {
        assertThat(RetrievalGate.of(Optional.empty(), EmbeddingProvider.BEDROCK)).isSameAs(RetrievalGate.open());
        assertThat(RetrievalGate.of(Optional.empty(), EmbeddingProvider.IN_PROCESS)).isNotSameAs(RetrievalGate.open());
    }

    @Test
    void should_refuse_a_limit_below_one_when_configured() {
        assertThatThrownBy(() -> RetrievalGate.of(Optional.of(0), EmbeddingProvider.IN_PROCESS))
                .hasMessageContaining("ragfn.chat.retrieval-concurrency");
    }

    private static void awaitWaiting(RetrievalGate gate, int turns) throws InterruptedException {
        while (gate.waiting() < turns) {
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
