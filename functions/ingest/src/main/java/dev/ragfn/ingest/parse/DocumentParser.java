package dev.ragfn.ingest.parse;

import dev.ragfn.core.error.InvalidInputException;
import java.util.Set;

/** Turns the bytes of one format into text with structure. */
public interface DocumentParser {

    /** The content types this parser reads, without parameters, first the canonical one. */
    Set<String> contentTypes();

    /** The lower-case file extensions this parser reads, without the dot. */
    Set<String> extensions();

    /**
     * Parses the bytes; a file that is not valid in this format raises {@link InvalidInputException}
     * naming the format and {@code name}. Long loops check {@code deadline}.
     */
    ParsedDocument parse(byte[] bytes, String name, Deadline deadline);

    default ParsedDocument parse(byte[] bytes, String name) {
        return parse(bytes, name, Deadline.NONE);
    }

    /** True when the content type (parameters ignored) or the file extension is one of this parser's. */
    default boolean supports(String contentType, String name) {
        return (contentType != null && contentTypes().contains(ContentTypes.essence(contentType)))
                || (name != null && extensions().contains(ContentTypes.extension(name)));
    }
}
