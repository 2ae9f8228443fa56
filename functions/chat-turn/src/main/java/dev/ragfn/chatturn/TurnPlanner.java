package dev.ragfn.chatturn;

import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.shield.Shield;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a request into the plan it runs with, loading the assistant it names from the request's
 * tenant only: another tenant's id, like an unknown one, is a 404 that says nothing of the other.
 * Called before a stream begins, so a refusal is a status code, not an event.
 */
@ApplicationScoped
public class TurnPlanner {

    private final AssistantStore assistants;
    private final Shield shield;

    public TurnPlanner(AssistantStore assistants, Shield shield) {
        this.assistants = assistants;
        this.shield = shield;
    }

    TurnPlan plan(ChatTurnRequest request) {
        if (request.assistantId() == null) {
            return TurnPlan.inline(request, shield);
        }
        return TurnPlan.of(request, assistants.find(request.tenant(), request.assistantId())
                .orElseThrow(() -> AssistantStore.unknown(request.tenant(), request.assistantId())), shield);
    }
}
