package dev.ragfn.ingest;

import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.IdempotencyStore.Claim;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.funqy.IncomingEvents;
import dev.ragfn.runtime.funqy.StructuredCloudEvent;
import dev.ragfn.runtime.observe.ObservedFunction;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;

import java.time.Duration;

/**
 * Triggered by {@code dev.ragfn.document.submitted}. Answers {@code dev.ragfn.chunks.ready}, or
 * {@code dev.ragfn.document.failed} for a submission that cannot be ingested, or nothing when the
 * content is unchanged or the event was already handled (redelivery).
 */
@ObservedFunction
public class IngestFunction {

    /** Longer than any single ingestion; a crashed delivery's claim expires after it. */
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final String SOURCE = "/ragfn/ingest";

    private final IngestService service;
    private final IdempotencyStore idempotency;
    private final Access access;

    public IngestFunction(IngestService service, IdempotencyStore idempotency, Access access) {
        this.service = service;
        this.idempotency = idempotency;
        this.access = access;
    }

    /**
     * Takes and answers whole CloudEvents, the same on both platforms: the event's source and id
     * identify a redelivery, its extensions name tenant and knowledge base, and the answer's type
     * depends on the outcome. On Knative Funqy reads the event from the HTTP request and sends the
     * answer as the reply; on Lambda the template hands over the structured event and the answer goes
     * to the bus as one (sam/template.yaml).
     */
    @Funq
    public CloudEvent<Object> ingest(CloudEvent<SubmitDocument> event) {
        SubmitDocument submission = IncomingEvents.data(event, "a document submission");
        KnowledgeBaseRef kb = submission.knowledgeBase(IncomingEvents.extensions(event));
        // The broker's events pass; a caller with a token must be an editor of this tenant.
        access.require(Role.EDITOR, kb.tenant());
        String key = IncomingEvents.deliveryKey("ingest", event);
        if (!(idempotency.claim(key, LEASE) instanceof Claim.Acquired)) {
            return null;
        }
        try {
            IngestOutcome outcome = service.ingest(kb, submission);
            idempotency.complete(key, outcome.getClass().getSimpleName());
            return answer(kb, outcome);
        } catch (RuntimeException e) {
            idempotency.release(key);
            throw e;
        }
    }

    private static CloudEvent<Object> answer(KnowledgeBaseRef kb, IngestOutcome outcome) {
        return switch (outcome) {
            case IngestOutcome.Chunked chunked -> StructuredCloudEvent.about(kb, EventTypes.CHUNKS_READY, SOURCE, chunked.event());
            case IngestOutcome.Failed failed -> StructuredCloudEvent.about(kb, EventTypes.DOCUMENT_FAILED, SOURCE, failed.event());
            case IngestOutcome.Unchanged unchanged -> null;
            case IngestOutcome.Superseded superseded -> null;
        };
    }
}
