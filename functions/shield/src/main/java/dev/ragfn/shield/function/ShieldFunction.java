package dev.ragfn.shield.function;

import dev.ragfn.runtime.http.RequestBodies;
import dev.ragfn.shield.Shield;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.ShieldVerdict;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.observe.ObservedFunction;
import io.quarkus.funqy.Funq;

/**
 * Checks a user message or a model answer and answers the verdict. Called synchronously over
 * plain HTTP ({@code POST /shield}) by chat-turn and by anyone else; it emits no event, since the
 * caller acts on the answer (chat-turn persists the verdicts with the turn).
 */
@ObservedFunction
public class ShieldFunction {

    private final Shield shield;
    private final Access access;

    public ShieldFunction(Shield shield, Access access) {
        this.shield = shield;
        this.access = access;
    }

    @Funq
    public ShieldVerdict shield(ShieldRequest request) {
        ShieldRequest checked = RequestBodies.required(request, "a shield request");
        access.require(Role.READER, checked.tenant());
        return shield.check(checked);
    }
}
