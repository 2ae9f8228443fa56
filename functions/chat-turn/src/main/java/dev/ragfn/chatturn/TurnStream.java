package dev.ragfn.chatturn;

import dev.ragfn.core.domain.ToolCall;
import dev.ragfn.runtime.observe.FirstToken;

import java.util.function.Consumer;

/**
 * Where a streamed turn goes while it runs: the answer's text once the output shield has passed it, and each
 * tool call once it has run. Whoever listens may go away; the turn then stops and its model call is cancelled.
 */
interface TurnStream {

    /** The next piece of the answer, passed by the output shield. */
    void text(String passed);

    void toolCall(ToolCall call);

    /** Runs {@code action} once nobody listens any more, at once if that is already so. */
    void onCancel(Runnable action);

    /** A stream for a caller that only collects what it is handed and never goes away. */
    static TurnStream collecting(Consumer<String> text, Consumer<ToolCall> calls) {
        return of(text, calls, action -> { });
    }

    /** {@code stream}, with the time from now to its first passed text recorded as the turn's first token. */
    static TurnStream timed(TurnStream stream) {
        return of(FirstToken.timed(stream::text), stream::toolCall, stream::onCancel);
    }

    private static TurnStream of(Consumer<String> text, Consumer<ToolCall> calls, Consumer<Runnable> cancel) {
        return new TurnStream() {
            @Override
            public void text(String passed) {
                text.accept(passed);
            }

            @Override
            public void toolCall(ToolCall call) {
                calls.accept(call);
            }

            @Override
            public void onCancel(Runnable action) {
                cancel.accept(action);
            }
        };
    }
}
