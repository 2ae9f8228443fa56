package dev.ragfn.ingest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.ragfn.core.error.InvalidInputException;

import java.util.List;
import java.util.Map;

/**
 * Data of {@code dev.ragfn.document.submitted}. Give either {@code text} (inline content) or
 * {@code source} (an https URL, an s3://bucket/key, or locally a path under ragfn.ingest.local-root).
 * Tenant and knowledge base come from the CloudEvent extensions; the fields here serve events without them.
 */
public record SubmitDocument(String tenant, String knowledgeBase, String documentId, String title, String text,
                             String source, String contentType, List<String> tags, Map<String, String> metadata) {

    public SubmitDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * A misspelt field ("url", "content") would otherwise be dropped silently and the document ingested
     * without what the sender meant, so an unknown field refuses the submission.
     */
    @JsonAnySetter
    void refuseUnknown(String field, Object value) {
        throw new InvalidInputException("unknown field '" + field + "' in the document submission; the fields are "
                + "tenant, knowledgeBase, documentId, title, text, source, contentType, tags and metadata");
    }
}
