package dev.ragfn.ingest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.event.EventAttributes;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Data of {@code dev.ragfn.document.submitted}. Give one of {@code text} (inline content),
 * {@code contentBase64} (inline bytes, such as an uploaded PDF) or {@code source} (an https URL, an
 * s3://bucket/key, or locally a path under ragfn.ingest.local-root).
 * Tenant and knowledge base come from the CloudEvent extensions; the fields here serve events without them.
 */
public record SubmitDocument(String tenant, String knowledgeBase, String documentId, String title, String text,
                             String source, String contentType, List<String> tags, Map<String, String> metadata,
                             String contentBase64) {

    /** A submission of text or a source. */
    public SubmitDocument(String tenant, String knowledgeBase, String documentId, String title, String text,
                          String source, String contentType, List<String> tags, Map<String, String> metadata) {
        this(tenant, knowledgeBase, documentId, title, text, source, contentType, tags, metadata, null);
    }

    /** Checked when read, on every binding, so a submission no store could take is refused before any work. */
    public SubmitDocument {
        if (tenant != null) {
            Ids.name("tenant", tenant);
        }
        if (knowledgeBase != null) {
            Ids.name("knowledgeBase", knowledgeBase);
        }
        if (documentId != null && !documentId.isBlank()) {
            Ids.id("documentId", documentId);
        } else if (source == null || source.isBlank()) {
            throw new InvalidInputException("a submission needs a documentId (or a source to derive it from)");
        }
        Ids.title("title", title);
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(String::strip)
                .filter(tag -> !tag.isEmpty()).toList();
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Tenant and knowledge base: CloudEvent extensions win; the data's fields serve events without them. */
    public KnowledgeBaseRef knowledgeBase(Map<String, String> extensions) {
        String tenantName = extensions.getOrDefault(EventAttributes.TENANT, tenant);
        String kb = extensions.getOrDefault(EventAttributes.KNOWLEDGE_BASE, knowledgeBase);
        return new KnowledgeBaseRef(
                Ids.name("tenant (CloudEvent extension 'tenant' or field 'tenant')", tenantName),
                Ids.name("knowledge base (CloudEvent extension 'knowledgebase' or field 'knowledgeBase')", kb));
    }

    /**
     * A misspelt field ("url", "content") would otherwise be dropped silently and the document ingested
     * without what the sender meant, so an unknown field refuses the submission.
     */
    @JsonAnySetter
    void refuseUnknown(String field, Object value) {
        throw new InvalidInputException("unknown field '" + field + "' in the document submission; the fields are "
                + "tenant, knowledgeBase, documentId, title, text, contentBase64, source, contentType, tags and metadata");
    }
}
