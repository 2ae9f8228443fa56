package dev.ragfn.runtime;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the document store and the index answer a real read. Knative and Lambda health
 * probes use it, so a function that cannot reach its stores gets no traffic.
 */
@Readiness
@ApplicationScoped
public class StoresHealthCheck implements HealthCheck {

    private static final KnowledgeBaseRef PROBE = new KnowledgeBaseRef("ragfn-health", "probe");

    private final DocumentStore store;
    private final VectorIndex index;
    private final RagfnConfig config;

    public StoresHealthCheck(DocumentStore store, VectorIndex index, RagfnConfig config) {
        this.store = store;
        this.index = index;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ragfn-stores")
                .withData("documentStore", Stores.nameStore(config))
                .withData("index", Stores.nameIndex(config));
        try {
            store.findKnowledgeBase(PROBE);
            index.count(SearchScope.of(PROBE));
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
