package dev.ragfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.api.Views.ConversionDetail;
import dev.ragfn.api.Views.ConversionPageView;
import dev.ragfn.api.Views.ConversionView;
import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.ConversionPage;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.EventPublisher;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.http.RequestBodies;
import dev.ragfn.runtime.net.AddressPolicy;
import dev.ragfn.core.json.Json;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's conversions of repositories into Validated Patterns, for admins as convert is theirs:
 * submit one (recorded as REQUESTED, then published to convert), follow its status, read its report
 * and download the pattern.
 */
@Path("/api/conversions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversions")
public class ConversionResource {

    private static final Logger LOG = Logger.getLogger(ConversionResource.class);
    private static final String SOURCE = "/ragfn/api";
    private static final String ZIP = "application/zip";

    private final ConversionStore conversions;
    private final EventPublisher events;
    private final TenantAccess access;
    private final ApiConfig config;
    private final AddressPolicy addresses = AddressPolicy.publicOnly();
    private final Clock clock = Clock.systemUTC();

    public ConversionResource(ConversionStore conversions, EventPublisher events, TenantAccess access, ApiConfig config) {
        this.conversions = conversions;
        this.events = events;
        this.access = access;
        this.config = config;
    }

    /**
     * Submits a repository (an https:// Git URL) to convert; answered 202 with the conversion's id at
     * once. Follow {@code Location} to see it reach DONE or FAILED.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    public Response submit(@QueryParam("tenant") String tenant, ConversionSubmission submission) {
        String owner = access.tenant(Role.ADMIN, tenant);
        ConversionSubmission checked = RequestBodies.required(submission, "a conversion ({\"repository\": \"https://...\"})")
                .checked(addresses, config.allowLocalConversionSources());
        Conversion requested = conversions.submit(Conversion.requested(owner, UUID.randomUUID().toString(),
                checked.repository(), checked.ref(), checked.name(), clock.instant()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", checked.repository());
        data.put("ref", checked.ref());
        data.put("name", checked.name());
        data.put("conversionId", requested.id());
        data.put("tenant", owner);
        try {
            events.publish(EventTypes.CONVERSION_REQUESTED, SOURCE, Map.of(EventAttributes.TENANT, owner), data);
        } catch (RuntimeException e) {
            LOG.warnf("Conversion %s of %s could not be submitted: %s", requested.id(), owner, e.getMessage());
            conversions.fail(owner, requested.id(), "not submitted to convert: " + e.getMessage(), clock.instant());
            throw e;
        }
        URI location = URI.create("/api/conversions/" + requested.id());
        return Response.accepted(ConversionView.of(requested)).location(location).build();
    }

    /** One page of the tenant's conversions, newest first; pass the answer's {@code next} as {@code after} for the following page. */
    @GET
    public ConversionPageView list(@QueryParam("tenant") String tenant, @QueryParam("after") String after,
                                   @QueryParam("limit") String limit) {
        String owner = access.tenant(Role.ADMIN, tenant);
        PageRequest page = PageRequest.of(after, limit, config.defaultPageSize(), "conversions", ConversionPage::checkedCursor);
        return ConversionPageView.of(conversions.list(owner, page.after(), page.limit()));
    }

    /** The conversion's status and, once DONE, its report (the pattern's conversion-report.json). */
    @GET
    @Path("/{id}")
    public ConversionDetail get(@QueryParam("tenant") String tenant, @PathParam("id") String id) {
        Conversion conversion = existing(access.tenant(Role.ADMIN, tenant), id);
        JsonNode report = conversions.report(conversion.tenant(), conversion.id()).map(ConversionResource::json).orElse(null);
        return new ConversionDetail(ConversionView.of(conversion), report);
    }

    /** The generated pattern as a zip (one folder named after the pattern), once the conversion is DONE. */
    @GET
    @Path("/{id}/pattern.zip")
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    public Response pattern(@QueryParam("tenant") String tenant, @PathParam("id") String id) {
        Conversion conversion = existing(access.tenant(Role.ADMIN, tenant), id);
        byte[] zip = conversions.patternZip(conversion.tenant(), conversion.id()).orElseThrow(() -> new ConflictException(
                "conversion " + id + " is " + conversion.status() + ", not DONE: its pattern is there once it is done"
                        + (conversion.reason() == null ? "" : " (it failed: " + conversion.reason() + ")")));
        return Response.ok(zip, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + conversion.pattern() + ".zip\"").build();
    }

    private Conversion existing(String tenant, String id) {
        return conversions.find(tenant, Ids.name("id", id)).orElseThrow(() -> ConversionStore.unknown(tenant, id));
    }

    private static JsonNode json(String report) {
        try {
            return Json.mapper().readTree(report);
        } catch (IOException e) {
            throw new StoreUnavailableException("the stored report is not JSON: " + e.getMessage(), e);
        }
    }
}
