package dev.ragfn.core.domain;

import dev.ragfn.core.error.InvalidInputException;

import java.util.List;
import java.util.Map;

/**
 * One retrievable piece of a document, in document order: its text as written, and the headings
 * of the section it comes from (outermost first; empty when it has none or ingestion was told not
 * to use them). {@code tokenCount} measures {@link #searchText()}, which is what gets embedded.
 */
public record Chunk(DocumentRef document, String id, int position, String text, List<String> headingPath,
                    int tokenCount, Map<String, String> metadata) {

    public Chunk {
        Ids.required("document", document);
        Ids.id("chunkId", id);
        if (position < 0) {
            throw new InvalidInputException("chunk position must be >= 0 but was " + position);
        }
        Ids.required("text", text);
        headingPath = HeadingPath.copy(headingPath);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A chunk outside any heading. */
    public Chunk(DocumentRef document, String id, int position, String text, int tokenCount,
                 Map<String, String> metadata) {
        this(document, id, position, text, List.of(), tokenCount, metadata);
    }

    /** What is embedded and ranked: see {@link HeadingPath#searchText}. */
    public String searchText() {
        return HeadingPath.searchText(headingPath, text);
    }

    public long approximateBytes() {
        return Sizes.utf8(text) + Sizes.utf8(headingPath) + Sizes.utf8(id) + Sizes.utf8(document.toString())
                + Sizes.utf8(metadata) + 16;
    }
}
