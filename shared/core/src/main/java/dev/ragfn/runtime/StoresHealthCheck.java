package dev.ragfn.runtime;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the document store and the index answer a real read. Knative and Lambda health
 * probes use it, so a function that cannot reach its stores gets no traffic. A function whose
 * package includes no store or index module (shield, convert) has nothing to probe.
 */
@Readiness
@ApplicationScoped
public class StoresHealthCheck implements HealthCheck {

    private static final KnowledgeBaseRef PROBE = new KnowledgeBaseRef("ragfn-health", "probe");

    private final Instance<DocumentStore> store;
    private final Instance<VectorIndex> index;
    private final RagfnConfig config;

    public StoresHealthCheck(Instance<DocumentStore> store, Instance<VectorIndex> index, RagfnConfig config) {
        this.store = store;
        this.index = index;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ragfn-stores");
        try {
            if (Stores.hasStores()) {
                response.withData("documentStore", Stores.nameStore(config));
                store.get().findKnowledgeBase(PROBE);
            }
            if (Stores.hasIndex()) {
                response.withData("index", Stores.nameIndex(config));
                index.get().count(SearchScope.of(PROBE));
            }
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
