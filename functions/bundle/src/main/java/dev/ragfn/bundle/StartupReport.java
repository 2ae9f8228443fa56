package dev.ragfn.bundle;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.runtime.Stores;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Opens the stores at start-up, so a bad configuration fails now, and says where everything is. */
@ApplicationScoped
class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    void onStart(@Observes StartupEvent event, RagfnConfig config, DocumentStore store, VectorIndex index,
                 @ConfigProperty(name = "quarkus.http.host") String host,
                 @ConfigProperty(name = "quarkus.http.port") int port) {
        LOG.infof("ragfn is up: document store %s, index %s (dimension %d)",
                Stores.describeStore(config), Stores.describeIndex(config), index.dimension());
        LOG.infof("Health: http://%s:%d/q/health", host, port);
    }
}
