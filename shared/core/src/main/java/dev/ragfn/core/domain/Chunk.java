package dev.ragfn.core.domain;

import dev.ragfn.core.error.InvalidInputException;

import java.util.Map;

/** One retrievable piece of a document, in document order. */
public record Chunk(DocumentRef document, String id, int position, String text, int tokenCount,
                    Map<String, String> metadata) {

    public Chunk {
        Ids.required("document", document);
        Ids.id("chunkId", id);
        if (position < 0) {
            throw new InvalidInputException("chunk position must be >= 0 but was " + position);
        }
        Ids.required("text", text);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public long approximateBytes() {
        return Sizes.utf8(text) + Sizes.utf8(id) + Sizes.utf8(document.toString()) + Sizes.utf8(metadata) + 16;
    }
}
