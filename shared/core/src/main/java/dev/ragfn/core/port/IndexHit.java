package dev.ragfn.core.port;

import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;

import java.util.List;
import java.util.Map;

/** One ranked result of an index search; higher scores are better within one search. */
public record IndexHit(DocumentRef document, String chunkId, int position, String title, String text,
                       String source, List<String> tags, Map<String, String> metadata, double score) {

    public ChunkRef ref() {
        return new ChunkRef(document, chunkId);
    }
}
