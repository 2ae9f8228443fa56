package dev.ragfn.ingest.chunk;

import java.util.List;
import java.util.Map;

/**
 * A chunk before it has an id: its text, its place in the document, its size in model tokens, and
 * what the parser knew of its section (such as the PDF page).
 */
public record ChunkDraft(int position, String text, int tokenCount, List<String> headingPath,
                         Map<String, String> sectionMetadata) {
}
