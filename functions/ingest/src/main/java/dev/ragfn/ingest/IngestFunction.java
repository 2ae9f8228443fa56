package dev.ragfn.ingest;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.IdempotencyStore.Claim;
import io.quarkus.funqy.Context;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;

import java.time.Duration;
import java.util.Map;

/**
 * Triggered by {@code dev.ragfn.document.submitted}. Answers {@code dev.ragfn.chunks.ready}, or
 * {@code dev.ragfn.document.failed} for a submission that cannot be ingested, or nothing when the
 * content is unchanged or the event was already handled (redelivery).
 */
public class IngestFunction {

    /** Longer than any single ingestion; a crashed delivery's claim expires after it. */
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final String SOURCE = "/ragfn/ingest";

    private final IngestService service;
    private final IdempotencyStore idempotency;

    public IngestFunction(IngestService service, IdempotencyStore idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /**
     * Answers a CloudEvent whose type depends on the outcome, so callers must send CloudEvents
     * (binary or structured): Funqy refuses plain HTTP for functions that return one.
     */
    @Funq
    public CloudEvent<Object> ingest(SubmitDocument submission, @Context CloudEvent<?> event) {
        if (submission == null) {
            throw new InvalidInputException("the request has no data; send a JSON document submission");
        }
        KnowledgeBaseRef kb = knowledgeBase(submission, event);
        String key = event == null || event.id() == null || event.source() == null ? null
                : "ingest " + event.source() + " " + event.id();
        if (key == null) {
            return reply(kb, service.ingest(kb, submission));
        }
        if (!(idempotency.claim(key, LEASE) instanceof Claim.Acquired)) {
            return null;
        }
        try {
            IngestOutcome outcome = service.ingest(kb, submission);
            idempotency.complete(key, outcome.getClass().getSimpleName());
            return reply(kb, outcome);
        } catch (RuntimeException e) {
            idempotency.release(key);
            throw e;
        }
    }

    private static CloudEvent<Object> reply(KnowledgeBaseRef kb, IngestOutcome outcome) {
        return switch (outcome) {
            case IngestOutcome.Chunked chunked -> event(kb, EventTypes.CHUNKS_READY, chunked.event());
            case IngestOutcome.Failed failed -> event(kb, EventTypes.DOCUMENT_FAILED, failed.event());
            case IngestOutcome.Unchanged unchanged -> null;
        };
    }

    private static CloudEvent<Object> event(KnowledgeBaseRef kb, String type, Object data) {
        return CloudEventBuilder.create()
                .type(type)
                .source(SOURCE)
                .extensions(Map.of(EventAttributes.TENANT, kb.tenant(), EventAttributes.KNOWLEDGE_BASE, kb.knowledgeBase()))
                .build(data);
    }

    /** CloudEvent extensions win; plain HTTP calls name tenant and knowledge base in the body. */
    private static KnowledgeBaseRef knowledgeBase(SubmitDocument data, CloudEvent<?> event) {
        Map<String, String> extensions = event == null || event.extensions() == null ? Map.of() : event.extensions();
        String tenant = extensions.getOrDefault(EventAttributes.TENANT, data.tenant());
        String kb = extensions.getOrDefault(EventAttributes.KNOWLEDGE_BASE, data.knowledgeBase());
        return new KnowledgeBaseRef(
                Ids.name("tenant (CloudEvent extension 'tenant' or field 'tenant')", tenant),
                Ids.name("knowledge base (CloudEvent extension 'knowledgebase' or field 'knowledgeBase')", kb));
    }
}
