package dev.ragfn.chatturn;

import dev.ragfn.runtime.http.RequestBodies;
import io.quarkus.funqy.Funq;

/**
 * {@code POST /chat} with a {@link ChatTurnRequest} as JSON answers the final {@link ChatTurnResponse}.
 * Invoked by a CloudEvent, the answer goes back as {@code dev.ragfn.chat.turn.completed}
 * (application.properties). Streaming is {@link ChatResource}'s.
 */
public class ChatFunction {

    private final ChatTurnService service;

    public ChatFunction(ChatTurnService service) {
        this.service = service;
    }

    @Funq
    public ChatTurnResponse chat(ChatTurnRequest request) {
        return service.chat(RequestBodies.required(request, "a chat turn request"));
    }
}
