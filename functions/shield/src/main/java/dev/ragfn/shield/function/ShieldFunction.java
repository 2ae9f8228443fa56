package dev.ragfn.shield.function;

import dev.ragfn.runtime.http.RequestBodies;
import dev.ragfn.shield.Shield;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.ShieldVerdict;
import io.quarkus.funqy.Funq;

/**
 * Checks a user message or a model answer and answers the verdict. Called synchronously over
 * plain HTTP ({@code POST /shield}) by chat-turn and by anyone else; it emits no event, since the
 * caller acts on the answer (chat-turn persists the verdicts with the turn).
 */
public class ShieldFunction {

    private final Shield shield;

    public ShieldFunction(Shield shield) {
        this.shield = shield;
    }

    @Funq
    public ShieldVerdict shield(ShieldRequest request) {
        return shield.check(RequestBodies.required(request, "a shield request"));
    }
}
