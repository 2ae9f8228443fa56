package dev.ragfn.chatturn;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.shield.Shield;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The chat model is chosen by ragfn.chat.provider; with none, answers are extractive. */
@ApplicationScoped
public class ChatBeans {

    @Produces
    @Singleton
    ChatTurnService chatTurnService(RetrieveService retrieve, EmbeddingModel embeddings, Shield shield,
                                    SessionStore sessions, ChatConfig config) {
        return new ChatTurnService(retrieve, embeddings, shield, sessions, config, ChatModels.create(config),
                Clock.systemUTC());
    }
}
