package dev.ragfn.chatturn;

import dev.ragfn.core.domain.ToolCall;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TurnStreamTest {

    private static final ToolCall CALL = new ToolCall(1, "weather", "local", "{}", ToolCall.Outcome.OK, "", "ALLOW", 3);

    @Test
    void should_hand_text_and_tool_calls_to_the_stream_when_timed() {
        // given: a listener's stream, timed
        Listener listener = new Listener();
        TurnStream timed = TurnStream.timed(listener);

        // when: the turn passes text and a tool call
        timed.text("Hello");
        timed.toolCall(CALL);
        timed.text(" world");

        // then: the listener got both, in order
        assertThat(listener.texts).containsExactly("Hello", " world");
        assertThat(listener.calls).containsExactly(CALL);
    }

    @Test
    void should_run_the_cancel_action_when_the_listener_of_a_timed_stream_goes_away() {
        // given: a timed stream whose turn registers what stops its model call
        Listener listener = new Listener();
        TurnStream timed = TurnStream.timed(listener);
        List<String> stopped = new ArrayList<>();
        timed.onCancel(() -> stopped.add("model call"));

        // when: the listener goes away
        listener.goAway();

        // then: the model call stops
        assertThat(stopped).containsExactly("model call");
    }

    @Test
    void should_collect_text_and_tool_calls_and_never_cancel_when_collecting() {
        // given
        List<String> texts = new ArrayList<>();
        List<ToolCall> calls = new ArrayList<>();
        TurnStream collecting = TurnStream.collecting(texts::add, calls::add);
        List<String> stopped = new ArrayList<>();

        // when
        collecting.onCancel(() -> stopped.add("model call"));
        collecting.text("Hello");
        collecting.toolCall(CALL);

        // then
        assertThat(texts).containsExactly("Hello");
        assertThat(calls).containsExactly(CALL);
        assertThat(stopped).isEmpty();
    }

    /** A listener that records what it is handed and may go away. */
    private static final class Listener implements TurnStream {
        final List<String> texts = new ArrayList<>();
        final List<ToolCall> calls = new ArrayList<>();
        final List<Runnable> onCancel = new ArrayList<>();

        @Override
        public void text(String passed) {
            texts.add(passed);
        }

        @Override
        public void toolCall(ToolCall call) {
            calls.add(call);
        }

        @Override
        public void onCancel(Runnable action) {
            onCancel.add(action);
        }

        void goAway() {
            onCancel.forEach(Runnable::run);
        }
    }
}
