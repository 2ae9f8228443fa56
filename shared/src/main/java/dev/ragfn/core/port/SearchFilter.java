package dev.ragfn.core.port;

import java.util.Set;

/**
 * Optional narrowing of a search inside its scope. Each non-empty set must match (a chunk's value
 * is one of the set); an empty set does not filter.
 */
public record SearchFilter(Set<String> documentIds, Set<String> sources, Set<String> tags) {

    private static final SearchFilter NONE = new SearchFilter(Set.of(), Set.of(), Set.of());

    public SearchFilter {
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public static SearchFilter none() {
        return NONE;
    }

    public static SearchFilter documents(String... ids) {
        return new SearchFilter(Set.of(ids), Set.of(), Set.of());
    }
}
