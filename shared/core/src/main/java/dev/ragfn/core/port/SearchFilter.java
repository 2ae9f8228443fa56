package dev.ragfn.core.port;

import dev.ragfn.core.error.InvalidInputException;

import java.time.Instant;
import java.util.Set;

/**
 * Optional narrowing of a search inside its scope. Each non-empty set must match (a chunk's value
 * is one of the set); an empty set does not filter. {@code from} (inclusive) and {@code until}
 * (exclusive) bound the document's date; a chunk without a date never matches a date bound.
 */
public record SearchFilter(Set<String> documentIds, Set<String> sources, Set<String> tags, Instant from,
                           Instant until) {

    private static final SearchFilter NONE = new SearchFilter(Set.of(), Set.of(), Set.of());

    public SearchFilter {
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        if (from != null && until != null && !from.isBefore(until)) {
            throw new InvalidInputException("the date range is empty: from " + from + " is not before until " + until);
        }
    }

    public SearchFilter(Set<String> documentIds, Set<String> sources, Set<String> tags) {
        this(documentIds, sources, tags, null, null);
    }

    public static SearchFilter none() {
        return NONE;
    }

    public static SearchFilter documents(String... ids) {
        return new SearchFilter(Set.of(ids), Set.of(), Set.of());
    }

    public boolean hasDateBound() {
        return from != null || until != null;
    }
}
