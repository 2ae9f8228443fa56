package dev.ragfn.api;

import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.EventPublisher;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The broker of the API's tests: keeps what was published so a test can read the submission. */
@Singleton
public class RecordingPublisher implements EventPublisher {

    public record Published(String type, String source, KnowledgeBaseRef knowledgeBase, Object data) {
    }

    private final List<Published> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String type, String source, KnowledgeBaseRef knowledgeBase, Object data) {
        events.add(new Published(type, source, knowledgeBase, data));
    }

    /** What was published about {@code knowledgeBase}, in order. */
    public List<Published> about(KnowledgeBaseRef knowledgeBase) {
        return events.stream().filter(e -> e.knowledgeBase().equals(knowledgeBase)).toList();
    }
}
