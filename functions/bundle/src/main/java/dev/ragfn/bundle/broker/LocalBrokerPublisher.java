package dev.ragfn.bundle.broker;

import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.port.EventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The management API's broker in the bundle: the local broker, on a thread of its own, since it runs
 * the whole chain (ingest, embed) before returning and an upload is answered as soon as it is
 * submitted. A failure on the way is the chain's, recorded as the document's status or dead-lettered,
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
    public void publish(String type, String source, KnowledgeBaseRef knowledgeBase, Object data) {
        Map<String, String> extensions = Map.of(EventAttributes.TENANT, knowledgeBase.tenant(),
                EventAttributes.KNOWLEDGE_BASE, knowledgeBase.knowledgeBase());
        chains.execute(() -> {
            try {
                broker.publish(type, source, extensions, data);
            } catch (RuntimeException e) {
                LOG.warnf("%s about %s failed: %s", type, knowledgeBase, e.getMessage());
            }
        });
    }

    @PreDestroy
    void close() {
        chains.shutdown();
    }
}
