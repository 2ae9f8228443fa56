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
import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** CDI wiring shared by every function: one store and one index per process, closed on shutdown, traced when tracing is on. */
@ApplicationScoped
public class StoreProducers {

    private static final Logger LOG = Logger.getLogger(StoreProducers.class);
    /** The stores this class produces that only the functions which use them inject. */
    private static final List<Class<?>> INJECTED_STORES = List.of(SummaryStore.class, IdempotencyStore.class,
            SessionStore.class, AssistantStore.class, ConversionStore.class);
    /** Whether readiness reads the document store and the index (on unless a function turns it off). */
    private static final String READINESS_READS_STORES = "quarkus.smallrye-health.check.\""
            + StoresHealthCheck.class.getName() + "\".enabled";

    /**
     * A function that includes store or index modules fails at start, not at its first event, when
     * configuration names a store or index whose module it does not include; the remote ones it uses
     * are opened while it starts.
     */
    void checkBackends(@Observes StartupEvent started, RagfnConfig config) {
        // The readiness check's lookup keeps the producers of the document store and the index in every
        // function: they count as used only where that check is on (it opens them at once there anyway).
        boolean readiness = ConfigProvider.getConfig().getOptionalValue(READINESS_READS_STORES, Boolean.class).orElse(true);
        List<Class<?>> early = new ArrayList<>();
        if (Stores.hasStores() && Stores.store(config).openWhileStarting()) {
            early.addAll(INJECTED_STORES);
            if (readiness) {
                early.add(DocumentStore.class);
            }
        }
        if (Stores.hasIndex() && Stores.index(config).openWhileStarting() && readiness) {
            early.add(VectorIndex.class);
        }
        openWhileStarting(early);
    }

    /**
     * Opens, on a thread of its own, those of {@code ports} whose producers this function keeps (Quarkus
     * removes the producers no bean injects at build time), so that its first request does not wait
     * for the clients and first requests of remote stores. A store that fails here is opened again,
     * and reports its failure, when a request first needs it.
     */
    private static void openWhileStarting(List<Class<?>> ports) {
        if (ports.isEmpty()) {
            return;
        }
        // Asking for a removed bean by type logs a warning; the list of the beans kept does not.
        Set<Type> kept = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .flatMap(bean -> bean.getTypes().stream()).collect(Collectors.toSet());
        List<Class<?>> used = ports.stream().filter(kept::contains).toList();
        if (used.isEmpty()) {
            return;
        }
        Thread.ofPlatform().daemon().name("ragfn-open-stores").start(() -> used.forEach(port -> {
            try {
                Arc.container().instance(port).get();
            } catch (RuntimeException e) {
                LOG.debugf(e, "Opening %s while starting failed; its first request opens it again", port.getSimpleName());
            }
        }));
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
