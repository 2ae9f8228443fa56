package dev.ragfn.chatturn;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ToolCall;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.shield.Shield;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A streamed turn whose client goes away while it waits for the retrieval gate: it leaves the queue, so the
 * turns behind it do not wait for a retrieval nobody will read. Retrieval, shield and sessions are the
 * application's beans; the embedding model is recorded, and holds the first turn inside its retrieval.
 */
@QuarkusTest
class QueuedTurnCancellationTest {

    private static final String TENANT = "hooli";
    private static final String FIRST = "How many vacation days do employees get per year?";
    private static final String SECOND = "Who approves vacation requests?";

    @Inject
    VectorIndex index;
    @Inject
    EmbeddingModel embeddings;
    @Inject
    RetrieveService retrieve;
    @Inject
    Shield shield;
    @Inject
    SessionStore sessions;

    @Test
    void should_not_retrieve_for_a_queued_turn_when_its_client_goes_away_while_it_waits() throws Exception {
        // given: a gate of one place, held by a first turn inside its retrieval
        String knowledgeBase = Handbook.index(index, embeddings, TENANT);
        RecordingEmbeddings recorded = new RecordingEmbeddings(embeddings);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch firstMayGoOn = new CountDownLatch(1);
        recorded.beforeEach(text -> {
            if (text.equals(FIRST)) {
                firstInside.countDown();
                await(firstMayGoOn);
            }
        });
        RetrievalGate gate = RetrievalGate.of(1);
        ChatTurnService service = new ChatTurnService(retrieve, recorded, shield, sessions,
                new TestConfig(Map.of()).chat(), Optional.empty(), Optional.empty(), gate, Clock.systemUTC());
        LeavingClient second = new LeavingClient();
        try (ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<ChatTurnResponse> firstTurn = CompletableFuture.supplyAsync(
                    () -> service.stream(plan(FIRST, knowledgeBase), ChatSession.ANONYMOUS_OWNER, new LeavingClient()), turns);
            firstInside.await();
            CompletableFuture<ChatTurnResponse> secondTurn = CompletableFuture.supplyAsync(
                    () -> service.stream(plan(SECOND, knowledgeBase), ChatSession.ANONYMOUS_OWNER, second), turns);
            while (gate.waiting() < 1) {
                Thread.sleep(1);
            }

            // when: the second turn's client goes away while it waits, then the first turn finishes
            second.leave();
            firstMayGoOn.countDown();
            firstTurn.join();
            // The gate's one thread takes its queue in order: once this has run, the second turn's work ran or never will.
            gate.run(() -> null);

            // then: the second turn gave up, and its question was never embedded nor searched for
            Throwable gaveUp = catchThrowable(secondTurn::join);
            assertThat(gaveUp).hasCauseInstanceOf(CancellationException.class);
            assertThat(recorded.calls()).extracting(RecordingEmbeddings.Call::text).contains(FIRST).doesNotContain(SECOND);
        }
    }

    private TurnPlan plan(String question, String knowledgeBase) {
        return TurnPlan.inline(new ChatTurnRequest(TENANT, null, question, List.of(knowledgeBase), null), shield);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that reads everything until it goes away, as the SSE stream's cancellation does. */
    private static final class LeavingClient implements TurnStream {

        private final List<Runnable> onCancel = new ArrayList<>();
        private boolean gone;

        @Override
        public void text(String passed) {
        }

        @Override
        public void toolCall(ToolCall call) {
        }

        @Override
        public synchronized void onCancel(Runnable action) {
            if (gone) {
                action.run();
            } else {
                onCancel.add(action);
            }
        }

        synchronized void leave() {
            gone = true;
            onCancel.forEach(Runnable::run);
        }
    }
}
