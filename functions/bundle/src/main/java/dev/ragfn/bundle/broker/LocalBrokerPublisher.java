package dev.ragfn.bundle.broker;

import dev.ragfn.core.port.EventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The management API's broker in the bundle: the local broker, on a thread of its own, since it runs
 * the whole chain (ingest, embed; or a conversion) before returning and an upload is answered as soon
 * as it is submitted. A failure on the way is the chain's, recorded as the document's status or dead-lettered,
 * as for any event. Replaces the API's HTTP publisher, which is only its default.
 */
@Singleton
public class LocalBrokerPublisher implements EventPublisher {

    private static final Logger LOG = Logger.getLogger(LocalBrokerPublisher.class);

    private final LocalBroker broker;
    private final ExecutorService chains = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("api-submissions").factory());

    public LocalBrokerPublisher(LocalBroker broker) {
        this.broker = broker;
    }

    @Override
    public void publish(String type, String source, Map<String, String> extensions, Object data) {
        chains.execute(() -> {
            try {
                broker.publish(type, source, extensions, data);
            } catch (RuntimeException e) {
                LOG.warnf("%s with %s failed: %s", type, extensions, e.getMessage());
            }
        });
    }

    @PreDestroy
    void close() {
        chains.shutdown();
    }
}
