package dev.ragfn.chatturn;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.ws.rs.sse.OutboundSseEvent;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A turn's events against a subscriber that asks for them one at a time, as Quarkus REST does for a client. */
class SseTurnTest {

    private static final SseImpl SSE = SseImpl.INSTANCE;

    @Test
    void should_join_text_into_one_pending_token_event_then_end_with_done_when_the_client_reads_nothing_meanwhile()
            throws Exception {
        // given: a client that has taken the opening comment and asks for nothing more
        CountDownLatch produced = new CountDownLatch(1);
        AssertSubscriber<OutboundSseEvent> client = AssertSubscriber.create(1);

        // when: the turn streams its answer in pieces and ends while the client reads nothing
        SseTurn.run(SSE, events -> {
            for (String piece : List.of("Employees", " get", " 25 days", "\nof paid vacation [1].")) {
                events.text(piece);
            }
            produced.countDown();
            return SSE.newEventBuilder().name("done").data("{}").build();
        }).subscribe().withSubscriber(client);
        assertThat(produced.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.getItems()).hasSize(1);

        // then: the next request gets the whole text once, in order, and the one after the done event, which ends it
        client.request(1).awaitItems(2);
        OutboundSseEvent tokens = client.getItems().get(1);
        assertThat(tokens.getName()).isEqualTo("token");
        assertThat(tokens.getData()).isEqualTo(SseTurn.sseData("Employees get 25 days\nof paid vacation [1]."));
        client.request(1).awaitCompletion();
        assertThat(client.getItems()).extracting(OutboundSseEvent::getName).containsExactly(null, "token", "done");
        assertThat(client.getItems().getFirst().getComment()).isEqualTo("ragfn chat turn");
    }

    @Test
    void should_emit_nothing_when_the_client_has_asked_for_nothing() throws Exception {
        // given: a client that has asked for nothing
        CountDownLatch produced = new CountDownLatch(1);
        AssertSubscriber<OutboundSseEvent> client = AssertSubscriber.create(0);

        // when: the turn streams and ends
        SseTurn.run(SSE, events -> {
            events.text("Employees get 25 days.");
            produced.countDown();
            return SSE.newEventBuilder().name("done").data("{}").build();
        }).subscribe().withSubscriber(client);
        assertThat(produced.await(30, TimeUnit.SECONDS)).isTrue();

        // then: not even the opening comment is pushed at it (no write the client has not asked for)
        assertThat(client.getItems()).isEmpty();
        client.assertNotTerminated();
    }
}
