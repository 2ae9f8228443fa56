package dev.ragfn.core.event;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The CloudEvent extension attributes ragfn relies on. They travel as attributes, not in the
 * payload, so Knative Triggers and EventBridge rules can filter on them.
 */
public final class EventAttributes {

    /** The tenant that owns the event's data (CloudEvents extension names are lower-case alphanumerics). */
    public static final String TENANT = "tenant";
    /** The knowledge base the event concerns, where it concerns one. */
    public static final String KNOWLEDGE_BASE = "knowledgebase";

    private EventAttributes() {
    }

    /** A new event of one of ragfn's types, stamped with tenant and knowledge base. */
    public static CloudEventBuilder newEvent(String type, URI source, KnowledgeBaseRef ref) {
        if (!EventTypes.all().contains(type)) {
            throw new InvalidInputException("unknown ragfn event type '" + type + "'; known types: " + EventTypes.all());
        }
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type)
                .withSource(source)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withExtension(TENANT, ref.tenant())
                .withExtension(KNOWLEDGE_BASE, ref.knowledgeBase());
    }

    /** Reads tenant and knowledge base from an incoming event, naming what is missing. */
    public static KnowledgeBaseRef knowledgeBase(CloudEvent event) {
        return new KnowledgeBaseRef(
                Ids.name("CloudEvent extension '" + TENANT + "'", string(event, TENANT)),
                Ids.name("CloudEvent extension '" + KNOWLEDGE_BASE + "'", string(event, KNOWLEDGE_BASE)));
    }

    private static String string(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
