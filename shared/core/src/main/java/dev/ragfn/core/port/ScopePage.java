package dev.ragfn.core.port;

import java.util.List;

/** A page of the scopes a tenant has summaries of, in name order, and the last one's name as the next page's cursor, or null. */
public record ScopePage(List<String> scopes, String next) {

    public ScopePage {
        scopes = List.copyOf(scopes);
    }

    /** The page of {@code limit} among {@code matching}, which holds up to one more to tell whether a next page exists. */
    public static ScopePage of(List<String> matching, int limit) {
        if (matching.size() <= limit) {
            return new ScopePage(matching, null);
        }
        List<String> page = matching.subList(0, limit);
        return new ScopePage(page, page.getLast());
    }
}
