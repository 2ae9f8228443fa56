package dev.ragfn.ingest.chunk;

import dev.ragfn.core.domain.HeadingPath;

import java.util.List;
import java.util.Map;

/**
 * A chunk before it has an id: its text, the heading path it is embedded with, its place in the
 * document, the size of its {@link #searchText()} in model tokens, and what the parser knew of its
 * section (such as the PDF page).
 */
public record ChunkDraft(int position, String text, List<String> headingPath, int tokenCount,
                         Map<String, String> sectionMetadata) {

    public String searchText() {
        return HeadingPath.searchText(headingPath, text);
    }
}
