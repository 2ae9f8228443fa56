package dev.ragfn.retrieve;

import dev.ragfn.core.domain.Dates;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.VectorIndex;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One search. Tenant and knowledge bases are the search scope, applied inside the index query;
 * the filters are optional and each non-empty one must match; {@code from} (inclusive) and
 * {@code until} (exclusive) bound the document's date, written 2025-03-01 or as an ISO-8601
 * instant; {@code topK} and {@code mode} fall back to the configured defaults when null. Checked
 * whole when built, so a bad request is refused before any search runs.
 */
public record RetrieveRequest(String query, String tenant, List<String> knowledgeBases, Integer topK,
                              RetrieveMode mode, List<String> documentIds, List<String> sources,
                              List<String> tags, String from, String until) {

    /** Longer queries are documents, not questions; they would only make huge BM25 queries. */
    public static final int MAX_QUERY_CHARS = 4_000;

    public RetrieveRequest {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query must not be blank");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new TooLargeException("query has " + query.length() + " characters, over the limit of "
                    + MAX_QUERY_CHARS + "; shorten it to the question itself");
        }
        query = query.strip();
        Ids.name("tenant", tenant);
        if (knowledgeBases == null || knowledgeBases.isEmpty()) {
            throw new InvalidInputException("knowledgeBases must name at least one knowledge base");
        }
        knowledgeBases.forEach(kb -> Ids.name("knowledgeBases entry", kb));
        knowledgeBases = List.copyOf(knowledgeBases);
        if (topK != null) {
            VectorIndex.validateK(topK);
        }
        documentIds = ids("documentIds", documentIds);
        sources = ids("sources", sources);
        tags = ids("tags", tags);
        // Refuses unreadable dates and empty ranges now, before any search.
        new SearchFilter(Set.of(), Set.of(), Set.of(), date("from", from), date("until", until));
    }

    public RetrieveRequest(String query, String tenant, List<String> knowledgeBases, Integer topK, RetrieveMode mode,
                           List<String> documentIds, List<String> sources, List<String> tags) {
        this(query, tenant, knowledgeBases, topK, mode, documentIds, sources, tags, null, null);
    }

    /** The optional filters as the index applies them. */
    public SearchFilter filter() {
        return new SearchFilter(Set.copyOf(documentIds), Set.copyOf(sources), Set.copyOf(tags),
                date("from", from), date("until", until));
    }

    private static Instant date(String field, String value) {
        return value == null ? null : Dates.parse(field, value);
    }

    public static RetrieveRequest of(String query, String tenant, String knowledgeBase, int topK, RetrieveMode mode) {
        return new RetrieveRequest(query, tenant, List.of(knowledgeBase), topK, mode, null, null, null);
    }

    private static List<String> ids(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        values.forEach(value -> Ids.id(field + " entry", value));
        return List.copyOf(values);
    }
}
