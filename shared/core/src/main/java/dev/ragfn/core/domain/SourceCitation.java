package dev.ragfn.core.domain;

import java.util.List;

/**
 * A passage an answer relied on, numbered as the answer cites it ("[1]"), with the headings of the
 * section it comes from (empty on turns stored before citations had them).
 */
public record SourceCitation(int number, DocumentRef document, String chunkId, String title, double score,
                             List<String> headingPath) {

    public SourceCitation {
        headingPath = HeadingPath.copy(headingPath);
    }

    public SourceCitation(int number, DocumentRef document, String chunkId, String title, double score) {
        this(number, document, chunkId, title, score, List.of());
    }
}
