package dev.ragfn.ingest.parse;

import java.util.List;
import java.util.Map;

/**
 * The text of a document with its structure.
 *
 * @param title the document's own title (metadata, {@code <title>}, first heading), or null if it has none
 * @param contentType the canonical content type of the format that was parsed, such as {@code application/pdf}
 * @param sections the text by heading, in document order; never empty
 * @param metadata format metadata worth keeping, such as {@code author} or {@code pages}
 */
public record ParsedDocument(String title, String contentType, List<Section> sections, Map<String, String> metadata) {

    public ParsedDocument {
        sections = List.copyOf(sections);
        metadata = Map.copyOf(metadata);
    }
}
