package dev.ragfn.ingest;

import java.util.List;
import java.util.Map;

/**
 * Data of {@code dev.ragfn.document.submitted}. Give either {@code text} (inline content) or
 * {@code source} (an https URL, an s3://bucket/key, or locally a path under ragfn.ingest.local-root).
 * Tenant and knowledge base come from the CloudEvent extensions; the fields here serve plain HTTP calls.
 */
public record SubmitDocument(String tenant, String knowledgeBase, String documentId, String title, String text,
                             String source, String contentType, List<String> tags, Map<String, String> metadata) {

    public SubmitDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
