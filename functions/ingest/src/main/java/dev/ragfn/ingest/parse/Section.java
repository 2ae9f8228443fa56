package dev.ragfn.ingest.parse;

import java.util.List;
import java.util.Map;

/**
 * A run of text under the same headings, the unit the chunker splits by structure.
 *
 * @param headingPath the enclosing headings, outermost first, such as ["Install", "Operators"]; empty at top level
 * @param text the section's text, paragraphs separated by a blank line
 * @param metadata what locates the section in its file, such as {@code page} for PDFs
 */
public record Section(List<String> headingPath, String text, Map<String, String> metadata) {

    public Section {
        headingPath = List.copyOf(headingPath);
        metadata = Map.copyOf(metadata);
    }

    public Section(List<String> headingPath, String text) {
        this(headingPath, text, Map.of());
    }
}
