package dev.ragfn.api;

import dev.ragfn.api.Views.SummaryPageView;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.port.ScopePage;
import dev.ragfn.core.port.SummaryQuery;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.store.SummaryChecks;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Stored metrics summaries of a scope (such as a namespace and model), for admins as summarize is
 * theirs. The store keys summaries by scope, so a list names one (the scopes route lists them); the
 * scope may contain '/', so it is a query parameter.
 */
@Path("/api/summaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summaries")
public class SummaryResource {

    /** A list without a range covers the last 30 days. */
    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final SummaryStore summaries;
    private final TenantAccess access;
    private final ApiConfig config;

    public SummaryResource(SummaryStore summaries, TenantAccess access, ApiConfig config) {
        this.summaries = summaries;
        this.access = access;
        this.config = config;
    }

    /**
     * One page of the scope's summaries whose window starts in [from, to) (by default the last 30 days),
     * newest first, without their reports; {@code window} (an ISO-8601 duration such as PT24H) keeps only
     * windows that long, as one schedule writes them. Pass the answer's {@code next} as {@code after} for
     * the following page.
     */
    @GET
    public SummaryPageView list(@QueryParam("tenant") String tenant, @QueryParam("scope") String scope,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("window") String window, @QueryParam("after") String after,
                                @QueryParam("limit") String limit) {
        String owner = access.tenant(Role.ADMIN, tenant);
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : instant("from", from);
        PageRequest page = PageRequest.of(after, limit, config.defaultPageSize(), "summaries", Ids::id);
        SummaryQuery query = new SummaryQuery(start, end, duration("window", window), page.after(), page.limit());
        return SummaryPageView.of(summaries.page(owner, Ids.id("scope", scope), query));
    }

    /**
     * The scopes the tenant has summaries of, in name order, a page at a time (pass the answer's
     * {@code next} as {@code after}): what to pass as {@code scope} to the list.
     */
    @GET
    @Path("/scopes")
    public ScopePage scopes(@QueryParam("tenant") String tenant, @QueryParam("after") String after,
                            @QueryParam("limit") String limit) {
        String owner = access.tenant(Role.ADMIN, tenant);
        PageRequest page = PageRequest.of(after, limit, config.defaultPageSize(), "scopes", SummaryChecks::scope);
        return summaries.scopes(owner, page.after(), page.limit());
    }

    /** One summary with its report (JSON and Markdown). */
    @GET
    @Path("/report")
    public Summary get(@QueryParam("tenant") String tenant, @QueryParam("scope") String scope,
                       @QueryParam("windowStart") String windowStart, @QueryParam("windowEnd") String windowEnd) {
        String owner = access.tenant(Role.ADMIN, tenant);
        return summaries.find(owner, Ids.id("scope", scope), instant("windowStart", windowStart),
                        instant("windowEnd", windowEnd))
                .orElseThrow(() -> new NotFoundException("no summary of scope " + scope + " for " + windowStart + ".."
                        + windowEnd + " in tenant " + owner));
    }

    private static Duration duration(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 duration such as PT1H or P1D but was '"
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field + " is required (an ISO-8601 instant such as 2026-12-01T00:00:00Z)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z but was '"
                    + value + "'");
        }
    }
}
