package dev.ragfn.runtime.observe;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Passes a streamed answer on, recording the time from its creation to the first piece. */
public final class FirstToken implements Consumer<String> {

    private final Consumer<String> tokens;
    private final long start = System.nanoTime();
    private final AtomicBoolean seen = new AtomicBoolean();

    private FirstToken(Consumer<String> tokens) {
        this.tokens = tokens;
    }

    /** {@code tokens} measured from now; null (a turn that is not streamed) stays null. */
    public static Consumer<String> timed(Consumer<String> tokens) {
        return tokens == null ? null : new FirstToken(tokens);
    }

    @Override
    public void accept(String token) {
        if (!seen.getAndSet(true)) {
            RagfnMeters.chatFirstToken(System.nanoTime() - start);
        }
        tokens.accept(token);
    }
}
