package dev.ragfn.runtime;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.runtime.observe.TracedPort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring shared by every function: one store and one index per process, closed on shutdown, traced when tracing is on. */
@ApplicationScoped
public class StoreProducers {

    /**
     * A function that includes store or index modules fails at start, not at its first event, when
     * configuration names a store or index whose module it does not include.
     */
    void checkBackends(@Observes StartupEvent started, RagfnConfig config) {
        if (Stores.hasStores()) {
            Stores.store(config);
        }
        if (Stores.hasIndex()) {
            Stores.index(config);
        }
    }

    @Produces
    @Singleton
    DocumentStore documentStore(RagfnConfig config) {
        return TracedPort.of(DocumentStore.class, Stores.documentStore(config), "documents");
    }

    @Produces
    @Singleton
    VectorIndex vectorIndex(RagfnConfig config) {
        return TracedPort.of(VectorIndex.class, Stores.vectorIndex(config), "index");
    }

    @Produces
    @Singleton
    SummaryStore summaryStore(RagfnConfig config) {
        return TracedPort.of(SummaryStore.class, Stores.summaryStore(config), "summaries");
    }

    @Produces
    @Singleton
    IdempotencyStore idempotencyStore(RagfnConfig config) {
        return TracedPort.of(IdempotencyStore.class, Stores.idempotencyStore(config), "idempotency");
    }

    @Produces
    @Singleton
    SessionStore sessionStore(RagfnConfig config) {
        return TracedPort.of(SessionStore.class, Stores.sessionStore(config), "sessions");
    }

    @Produces
    @Singleton
    AssistantStore assistantStore(RagfnConfig config) {
        return Stores.assistantStore(config);
    }

    @Produces
    @Singleton
    ConversionStore conversionStore(RagfnConfig config) {
        return TracedPort.of(ConversionStore.class, Stores.conversionStore(config), "conversions");
    }

    void close(@Disposes ConversionStore store) {
        store.close();
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
