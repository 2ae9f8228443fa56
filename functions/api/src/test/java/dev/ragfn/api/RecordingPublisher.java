package dev.ragfn.api;

import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.port.EventPublisher;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The broker of the API's tests: keeps what was published so a test can read the submission. */
@Singleton
public class RecordingPublisher implements EventPublisher {

    public record Published(String type, String source, Map<String, String> extensions, Object data) {

        KnowledgeBaseRef knowledgeBase() {
            String kb = extensions.get(EventAttributes.KNOWLEDGE_BASE);
            return kb == null ? null : new KnowledgeBaseRef(extensions.get(EventAttributes.TENANT), kb);
        }
    }

    private final List<Published> events = new CopyOnWriteArrayList<>();
    private volatile long maxInlineBytes = Long.MAX_VALUE;

    @Override
    public void publish(String type, String source, Map<String, String> extensions, Object data) {
        events.add(new Published(type, source, Map.copyOf(extensions), data));
    }

    @Override
    public long maxInlineBytes() {
        return maxInlineBytes;
    }

    /** Makes this broker carry at most {@code bytes} inline, as EventBridge caps an event; a test restores it. */
    public void capInlineBytes(long bytes) {
        maxInlineBytes = bytes;
    }

    /** What was published about {@code knowledgeBase}, in order. */
    public List<Published> about(KnowledgeBaseRef knowledgeBase) {
        return events.stream().filter(e -> knowledgeBase.equals(e.knowledgeBase())).toList();
    }

    /** What was published of {@code type} for {@code tenant}, in order. */
    public List<Published> of(String type, String tenant) {
        return events.stream().filter(e -> e.type().equals(type) && tenant.equals(e.extensions().get(EventAttributes.TENANT)))
                .toList();
    }
}
