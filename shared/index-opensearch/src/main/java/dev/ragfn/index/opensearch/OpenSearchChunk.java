package dev.ragfn.index.opensearch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.LegacyForms;

import java.util.List;
import java.util.Map;

/**
 * The _source of one chunk in the OpenSearch index; field names match the mapping. Chunks indexed
 * before heading paths were a field have theirs in the text, read through {@link LegacyForms}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OpenSearchChunk(
        @JsonProperty(OpenSearchVectorIndex.TENANT) String tenant,
        @JsonProperty(OpenSearchVectorIndex.KNOWLEDGE_BASE) String knowledgeBase,
        @JsonProperty(OpenSearchVectorIndex.DOCUMENT_ID) String documentId,
        @JsonProperty(OpenSearchVectorIndex.CHUNK_ID) String chunkId,
        @JsonProperty(OpenSearchVectorIndex.POSITION) int position,
        @JsonProperty(OpenSearchVectorIndex.TITLE) String title,
        @JsonProperty(OpenSearchVectorIndex.TEXT) String text,
        @JsonProperty(OpenSearchVectorIndex.HEADING_PATH) List<String> headingPath,
        @JsonProperty(OpenSearchVectorIndex.SOURCE) String source,
        @JsonProperty(OpenSearchVectorIndex.TAGS) List<String> tags,
        @JsonProperty(OpenSearchVectorIndex.METADATA) Map<String, String> metadata,
        @JsonProperty(OpenSearchVectorIndex.VECTOR) float[] vector,
        @JsonProperty(OpenSearchVectorIndex.DATE) Long date,
        @JsonProperty(OpenSearchVectorIndex.VERSION) long version) {

    static OpenSearchChunk from(IndexedChunk c) {
        return new OpenSearchChunk(c.document().tenant(), c.document().knowledgeBase().knowledgeBase(),
                c.document().documentId(), c.chunkId(), c.position(), c.title(), c.text(), c.headingPath(), c.source(),
                c.tags(), c.metadata(), c.vector(), c.date() == null ? null : c.date().toEpochMilli(), c.version());
    }

    IndexHit toHit(double score) {
        return LegacyForms.hit(new IndexHit(DocumentRef.of(tenant, knowledgeBase, documentId), chunkId, position,
                title, text, headingPath, source, tags == null ? List.of() : tags,
                metadata == null ? Map.of() : metadata, score));
    }
}
