package dev.ragfn.api;

import dev.ragfn.api.Views.SummaryEntry;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.runtime.auth.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Stored metrics summaries of a scope (such as a namespace and model), for admins as summarize is
 * theirs. The store keys summaries by scope, so a list names one; the scope may contain '/', so it is
 * a query parameter.
 */
@Path("/api/summaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summaries")
public class SummaryResource {

    /** A list without a range covers the last 30 days. */
    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final SummaryStore summaries;
    private final TenantAccess access;

    public SummaryResource(SummaryStore summaries, TenantAccess access) {
        this.summaries = summaries;
        this.access = access;
    }

    /** The scope's summaries whose window starts in [from, to), oldest first, without their reports. */
    @GET
    public List<SummaryEntry> list(@QueryParam("tenant") String tenant, @QueryParam("scope") String scope,
                                   @QueryParam("from") String from, @QueryParam("to") String to) {
        String owner = access.tenant(Role.ADMIN, tenant);
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : instant("from", from);
        return summaries.list(owner, Ids.id("scope", scope), start, end).stream().map(SummaryEntry::of).toList();
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
