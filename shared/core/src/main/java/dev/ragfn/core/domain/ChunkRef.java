package dev.ragfn.core.domain;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which chunk: the document it belongs to and its id there (a hash of its text, so an unchanged
 * passage keeps its id across versions). Indexes store one copy per document version, keyed by
 * {@link #storedId(long)}.
 */
public record ChunkRef(DocumentRef document, String chunkId) {

    private static final char SEP = '\u0000';

    /**
     * The key of this chunk's copy for one document version: tenant, knowledge base, document id,
     * version and chunk id joined by NUL, which ids cannot contain (Ids rejects control characters),
     * so the key is unambiguous. Lucene stores it as is and OpenSearch hashes it into the _id: existing
     * indexes are keyed by it, so it must never change.
     */
    public String storedId(long version) {
        return document.tenant() + SEP + document.knowledgeBase().knowledgeBase() + SEP
                + document.documentId() + SEP + version + SEP + chunkId;
    }

    /** The ids of the documents these chunks belong to, for a filter that narrows a search to them. */
    public static Set<String> documentIds(Collection<ChunkRef> chunks) {
        return chunks.stream().map(chunk -> chunk.document().documentId()).collect(Collectors.toUnmodifiableSet());
    }

    /** The chunk ids of these chunks, for a filter that narrows a search to them. */
    public static Set<String> chunkIds(Collection<ChunkRef> chunks) {
        return chunks.stream().map(ChunkRef::chunkId).collect(Collectors.toUnmodifiableSet());
    }
}
