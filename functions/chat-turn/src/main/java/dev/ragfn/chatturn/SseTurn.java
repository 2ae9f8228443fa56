package dev.ragfn.chatturn;

import dev.ragfn.core.domain.ToolCall;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A streamed turn as Server-Sent Events, written as fast as the client reads and no faster. An event goes out
 * only on the client's demand (Quarkus REST asks for the next once the last one is written to the connection);
 * text that arrives meanwhile joins the token event waiting to go, so a slow client gets fewer, larger events and
 * costs no more memory than the answer itself, which ragfn.chat.max-tokens bounds. The turn runs on a virtual
 * thread: waiting for the stores, the model or the client holds no platform thread.
 */
final class SseTurn implements TurnStream {

    private final Sse sse;
    private final MultiEmitter<? super OutboundSseEvent> emitter;
    /** Events waiting for demand: a StringBuilder is token text still growing, anything else a whole event. */
    private final Deque<Object> pending = new ArrayDeque<>();
    private final AtomicInteger drains = new AtomicInteger();
    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean ended;
    private boolean cancelled;

    private SseTurn(Sse sse, MultiEmitter<? super OutboundSseEvent> emitter) {
        this.sse = sse;
        this.emitter = emitter;
    }

    /**
     * The events of {@code turn}, which runs once the client subscribes and returns its last event (done, blocked or
     * error), or null when the client went away first.
     */
    static Multi<OutboundSseEvent> run(Sse sse, Function<TurnStream, OutboundSseEvent> turn) {
        // The request's trace context, so the turn's spans on its own thread join the request's trace.
        Context trace = Context.current();
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            SseTurn events = new SseTurn(sse, emitter);
            emitter.onRequest(demand -> events.drain());
            emitter.onCancellation(events::cancel);
            // The status line and a comment go out at once: the client knows the stream is open while retrieval runs.
            events.enqueue(sse.newEventBuilder().comment("ragfn chat turn").build());
            Thread.ofVirtual().name("chat-stream").start(trace.wrap(() -> {
                try {
                    events.end(turn.apply(events));
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            }));
        }, BackPressureStrategy.ERROR);
    }

    @Override
    public void text(String passed) {
        if (passed.isEmpty()) {
            return;
        }
        synchronized (pending) {
            if (pending.peekLast() instanceof StringBuilder waiting) {
                waiting.append(passed);
            } else {
                pending.add(new StringBuilder(passed));
            }
        }
        drain();
    }

    @Override
    public void toolCall(ToolCall call) {
        enqueue(sse.newEventBuilder().name("tool").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(ToolCall.class, call).build());
    }

    @Override
    public void onCancel(Runnable action) {
        synchronized (onCancel) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }

    private void cancel() {
        List<Runnable> actions;
        synchronized (onCancel) {
            cancelled = true;
            actions = List.copyOf(onCancel);
        }
        actions.forEach(Runnable::run);
    }

    /** The turn's last event; the stream completes once it is written. */
    private void end(OutboundSseEvent last) {
        if (last == null) {
            return;
        }
        synchronized (pending) {
            pending.add(last);
            ended = true;
        }
        drain();
    }

    private void enqueue(OutboundSseEvent event) {
        synchronized (pending) {
            pending.add(event);
        }
        drain();
    }

    /**
     * Quarkus writes each line of an event's data right after {@code data:}, and a client drops one space
     * there (the SSE format's optional one): a token that starts with a space, as most of a model's do, would
     * lose it. Each line gets that one space of its own.
     */
    static String sseData(String text) {
        return " " + text.replace("\n", "\n ");
    }

    /** Emits what the client has asked for; one thread at a time, the others leave their work to it. */
    private void drain() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        do {
            while (emitter.requested() > 0 && !emitter.isCancelled()) {
                Object next;
                boolean last;
                synchronized (pending) {
                    next = pending.poll();
                    last = next != null && ended && pending.isEmpty();
                }
                if (next == null) {
                    break;
                }
                emitter.emit(next instanceof StringBuilder text
                        ? sse.newEventBuilder().name("token").data(sseData(text.toString())).build()
                        : (OutboundSseEvent) next);
                if (last) {
                    emitter.complete();
                }
            }
        } while (drains.decrementAndGet() != 0);
    }
}
