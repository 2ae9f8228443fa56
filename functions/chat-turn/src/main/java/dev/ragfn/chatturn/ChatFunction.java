package dev.ragfn.chatturn;

import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Caller;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.http.RequestBodies;
import dev.ragfn.runtime.observe.ObservedFunction;
import io.quarkus.funqy.Funq;

/**
 * {@code POST /chat} with a {@link ChatTurnRequest} as JSON answers the final {@link ChatTurnResponse}.
 * Invoked by a CloudEvent, the answer goes back as {@code dev.ragfn.chat.turn.completed}
 * (application.properties). Streaming is {@link ChatResource}'s.
 */
@ObservedFunction
public class ChatFunction {

    private final ChatTurnService service;
    private final TurnPlanner planner;
    private final Access access;
    private final OpenTurns openTurns;

    public ChatFunction(ChatTurnService service, TurnPlanner planner, Access access, OpenTurns openTurns) {
        this.service = service;
        this.planner = planner;
        this.access = access;
        this.openTurns = openTurns;
    }

    @Funq
    public ChatTurnResponse chat(ChatTurnRequest request) {
        ChatTurnRequest checked = RequestBodies.required(request, "a chat turn request");
        Caller caller = access.require(Role.READER, checked.tenant());
        try (OpenTurns.Slot turn = openTurns.open()) {
            return service.chat(planner.plan(checked), caller.user());
        }
    }
}
