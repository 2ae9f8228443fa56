package dev.ragfn.core.port;

import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.HeadingPath;

import java.util.List;
import java.util.Map;

/** One ranked result of an index search; higher scores are better within one search. */
public record IndexHit(DocumentRef document, String chunkId, int position, String title, String text,
                       List<String> headingPath, String source, List<String> tags, Map<String, String> metadata,
                       double score) {

    public IndexHit {
        headingPath = HeadingPath.copy(headingPath);
    }

    /** A hit outside any heading. */
    public IndexHit(DocumentRef document, String chunkId, int position, String title, String text, String source,
                    List<String> tags, Map<String, String> metadata, double score) {
        this(document, chunkId, position, title, text, List.of(), source, tags, metadata, score);
    }

    public ChunkRef ref() {
        return new ChunkRef(document, chunkId);
    }

    /** What was ranked and embedded: see {@link HeadingPath#searchText}. */
    public String searchText() {
        return HeadingPath.searchText(headingPath, text);
    }
}
