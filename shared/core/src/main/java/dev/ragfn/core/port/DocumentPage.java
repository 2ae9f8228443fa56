package dev.ragfn.core.port;

import dev.ragfn.core.domain.Document;
import dev.ragfn.core.error.InvalidInputException;

import java.util.List;

/** A page of documents, and where the next one starts (the last document's id), or null when there is none. */
public record DocumentPage(List<Document> documents, String next) {

    /** The largest page a store hands out at once. */
    public static final int MAX_LIMIT = 1_000;

    public DocumentPage {
        documents = List.copyOf(documents);
    }

    /** A page size a caller may ask for. */
    public static int validateLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
        }
        return limit;
    }

    /** The page of {@code limit} among {@code matching}, which holds up to one more to tell whether a next page exists. */
    public static DocumentPage of(List<Document> matching, int limit) {
        if (matching.size() <= limit) {
            return new DocumentPage(matching, null);
        }
        List<Document> page = matching.subList(0, limit);
        return new DocumentPage(page, page.getLast().ref().documentId());
    }
}
