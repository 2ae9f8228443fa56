package dev.ragfn.runtime;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.core.port.VectorIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring shared by every function: one store and one index per process, closed on shutdown. */
@ApplicationScoped
public class StoreProducers {

    @Produces
    @Singleton
    DocumentStore documentStore(RagfnConfig config) {
        return Stores.documentStore(config);
    }

    @Produces
    @Singleton
    VectorIndex vectorIndex(RagfnConfig config) {
        return Stores.vectorIndex(config);
    }

    @Produces
    @Singleton
    SummaryStore summaryStore(RagfnConfig config) {
        return Stores.summaryStore(config);
    }

    @Produces
    @Singleton
    IdempotencyStore idempotencyStore(RagfnConfig config) {
        return Stores.idempotencyStore(config);
    }

    @Produces
    @Singleton
    SessionStore sessionStore(RagfnConfig config) {
        return Stores.sessionStore(config);
    }

    @Produces
    @Singleton
    AssistantStore assistantStore(RagfnConfig config) {
        return Stores.assistantStore(config);
    }

    void close(@Disposes AssistantStore store) {
        store.close();
    }

    void close(@Disposes SessionStore store) {
        store.close();
    }

    void close(@Disposes IdempotencyStore store) {
        store.close();
    }

    void close(@Disposes DocumentStore store) {
        store.close();
    }

    void close(@Disposes VectorIndex index) {
        index.close();
    }

    void close(@Disposes SummaryStore store) {
        store.close();
    }
}
