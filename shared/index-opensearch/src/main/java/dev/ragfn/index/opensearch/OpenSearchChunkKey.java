package dev.ragfn.index.opensearch;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.ChunkKey;

/** The fields of a chunk's _source that identify it; version is null for chunks indexed before versions. */
record OpenSearchChunkKey(
        @JsonProperty(OpenSearchVectorIndex.TENANT) String tenant,
        @JsonProperty(OpenSearchVectorIndex.KNOWLEDGE_BASE) String knowledgeBase,
        @JsonProperty(OpenSearchVectorIndex.DOCUMENT_ID) String documentId,
        @JsonProperty(OpenSearchVectorIndex.CHUNK_ID) String chunkId,
        @JsonProperty(OpenSearchVectorIndex.VERSION) Long version) {

    ChunkKey toKey() {
        return new ChunkKey(DocumentRef.of(tenant, knowledgeBase, documentId), version == null ? 0 : version, chunkId);
    }

    ChunkRef ref() {
        return new ChunkRef(DocumentRef.of(tenant, knowledgeBase, documentId), chunkId);
    }
}
