package dev.ragfn.core.port;

import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.HeadingPath;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.Sizes;
import dev.ragfn.core.error.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A chunk as the vector/text index holds it: its text and heading path (ranked together by BM25 as
 * {@link #searchText()}, whose embedding is {@code vector}), and filter fields. {@code tags} and
 * {@code date} are the document's (see {@code Document}), date null when unknown.
 * {@code version} is the document version the chunk belongs to: chunks of different versions never
 * overwrite each other, and older versions are retired as a whole.
 */
public record IndexedChunk(DocumentRef document, String chunkId, int position, String title, String text,
                           List<String> headingPath, float[] vector, String source, List<String> tags,
                           Map<String, String> metadata, Instant date, long version) {

    public IndexedChunk {
        Ids.required("document", document);
        Ids.id("chunkId", chunkId);
        if (position < 0) {
            throw new InvalidInputException("chunk position must be >= 0 but was " + position);
        }
        title = title == null ? "" : title;
        Ids.required("text", text);
        headingPath = HeadingPath.copy(headingPath);
        Ids.required("vector", vector);
        source = source == null ? "" : source;
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public IndexedChunk(DocumentRef document, String chunkId, int position, String title, String text,
                        float[] vector, String source, List<String> tags, Map<String, String> metadata) {
        this(document, chunkId, position, title, text, List.of(), vector, source, tags, metadata, null, 0);
    }

    public IndexedChunk(DocumentRef document, String chunkId, int position, String title, String text,
                        float[] vector, String source, List<String> tags, Map<String, String> metadata,
                        Instant date) {
        this(document, chunkId, position, title, text, List.of(), vector, source, tags, metadata, date, 0);
    }

    public ChunkRef ref() {
        return new ChunkRef(document, chunkId);
    }

    /** The key of this copy of the chunk, for its document version. */
    public String storedId() {
        return ref().storedId(version);
    }

    /** What BM25 ranks and what {@code vector} embeds: see {@link HeadingPath#searchText}. */
    public String searchText() {
        return HeadingPath.searchText(headingPath, text);
    }

    public long approximateBytes() {
        return Sizes.utf8(text) + Sizes.utf8(headingPath) + Sizes.utf8(title) + Sizes.utf8(source)
                + Sizes.utf8(metadata) + 4L * vector.length;
    }
}
