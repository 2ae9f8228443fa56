package dev.ragfn.chatturn;

import dev.ragfn.core.error.BusyException;
import dev.ragfn.runtime.observe.RagfnMeters;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The turns open at once, streamed or not, up to ragfn.chat.max-open-turns. A turn beyond them is refused at once
 * (503 with Retry-After) before it retrieves or calls the model: admitted, it would slow every open turn and the
 * health checks down with it. A turn holds its slot until its stream or answer ends: done, failed, or given up by
 * the client.
 */
@Singleton
public class OpenTurns {

    /** A turn lasts seconds, so a slot is likely free again by then. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final int max;
    private final Semaphore slots;

    public OpenTurns(ChatConfig config) {
        int max = config.maxOpenTurns();
        if (max < 1) {
            throw new IllegalArgumentException("ragfn.chat.max-open-turns must be at least 1, was " + max);
        }
        this.max = max;
        this.slots = new Semaphore(max);
        RagfnMeters.chatOpenTurns(this::count);
    }

    /**
     * A slot for one turn, to close when the turn ends.
     *
     * @throws BusyException when every slot is taken
     */
    Slot open() {
        if (!slots.tryAcquire()) {
            RagfnMeters.chatTurnRefused();
            throw new BusyException("This instance has " + max + " turns open, the most "
                    + "ragfn.chat.max-open-turns allows; retry in " + RETRY_AFTER.toSeconds()
                    + " s, or raise ragfn.chat.max-open-turns where the machine has room for more", RETRY_AFTER);
        }
        return new Slot();
    }

    /** Turns open now. */
    int count() {
        return max - slots.availablePermits();
    }

    /** One open turn's place; closing it more than once frees it once. */
    final class Slot implements AutoCloseable {

        private final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
