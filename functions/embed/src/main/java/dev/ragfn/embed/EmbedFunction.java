package dev.ragfn.embed;

import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.core.event.DocumentIndexed;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.runtime.funqy.StructuredCloudEvent;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.observe.ObservedFunction;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;

/**
 * Triggered by {@code dev.ragfn.chunks.ready}; answers {@code dev.ragfn.document.indexed}, or nothing when
 * there was nothing to do. The answer is a CloudEvent on both platforms: Funqy's reply on Knative, and on
 * Lambda the structured event that the OnSuccess destination puts on the bus.
 */
@ObservedFunction
public class EmbedFunction {

    private static final String SOURCE = "/ragfn/embed";

    private final EmbedService service;
    private final Access access;

    public EmbedFunction(EmbedService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @Funq
    public CloudEvent<DocumentIndexed> embed(ChunksReady ready) {
        access.require(Role.EDITOR, ready == null ? null : ready.tenant());
        return service.embed(ready)
                .map(indexed -> StructuredCloudEvent.about(new KnowledgeBaseRef(indexed.tenant(), indexed.knowledgeBase()),
                        EventTypes.DOCUMENT_INDEXED, SOURCE, indexed))
                .orElse(null);
    }
}
