package dev.ragfn.api;

import dev.ragfn.runtime.observe.RagfnTracing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The structured CloudEvent both publishers send: tenant and knowledge base as extensions, and the caller's trace context. */
final class PublishedEvent {

    private PublishedEvent() {
    }

    static Map<String, Object> structured(String type, String source, Map<String, String> extensions, Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("source", source);
        event.put("datacontenttype", "application/json");
        event.putAll(RagfnTracing.withCurrentContext(extensions));
        event.put("data", data);
        return event;
    }
}
