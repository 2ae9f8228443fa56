package dev.ragfn.embed;

import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.core.event.DocumentIndexed;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.event.EventTypes;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;

import java.util.Map;

/** Triggered by {@code dev.ragfn.chunks.ready}; answers {@code dev.ragfn.document.indexed}, or nothing when there was nothing to do. */
public class EmbedFunction {

    private final EmbedService service;

    public EmbedFunction(EmbedService service) {
        this.service = service;
    }

    @Funq
    public CloudEvent<DocumentIndexed> embed(ChunksReady ready) {
        return service.embed(ready)
                .map(indexed -> CloudEventBuilder.create()
                        .type(EventTypes.DOCUMENT_INDEXED)
                        .source("/ragfn/embed")
                        .extensions(Map.of(EventAttributes.TENANT, indexed.tenant(),
                                EventAttributes.KNOWLEDGE_BASE, indexed.knowledgeBase()))
                        .build(indexed))
                .orElse(null);
    }
}
