package dev.ragfn.core.port;

import dev.ragfn.core.domain.Summary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where metrics summaries live, keyed by tenant, scope and window. Storing is idempotent per
 * window: a schedule that fires twice, or a redelivered event, finds the first summary instead of
 * writing a second one.
 */
public interface SummaryStore extends AutoCloseable {

    /**
     * Stores {@code summary} unless one exists for the same tenant, scope and window, and returns
     * the summary that is stored afterwards: the given one, or the one that was there first.
     */
    Summary putIfAbsent(Summary summary);

    Optional<Summary> find(String tenant, String scope, Instant windowStart, Instant windowEnd);

    /** The scope's summaries whose window starts in [{@code from}, {@code to}), ordered by window start, then end. */
    List<Summary> list(String tenant, String scope, Instant from, Instant to);

    /** One page of the scope's summaries that {@code query} asks for, newest window first. */
    SummaryPage page(String tenant, String scope, SummaryQuery query);

    /**
     * The scopes the tenant has summaries of, in name order, {@code limit} after the scope {@code after}
     * (the previous page's {@code next}, or null for the first): a place in the order, whether or not
     * that scope has summaries.
     */
    ScopePage scopes(String tenant, String after, int limit);

    @Override
    void close();
}
