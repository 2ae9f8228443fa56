package dev.ragfn.api;

import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.http.RequestBodies;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's assistants: every reader may list and read them (to chat with one), only an admin
 * defines them. The ETag is the stored version; an update or delete names it in If-Match, so an edit
 * made on a stale copy is refused (409) instead of silently undoing another's.
 */
@Path("/api/assistants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistants")
public class AssistantResource {

    private final AssistantStore assistants;
    private final TenantAccess access;
    private final Clock clock = Clock.systemUTC();

    public AssistantResource(AssistantStore assistants, TenantAccess access) {
        this.assistants = assistants;
        this.access = access;
    }

    @GET
    public List<Assistant> list(@QueryParam("tenant") String tenant) {
        return assistants.list(access.tenant(Role.READER, tenant));
    }

    @GET
    @Path("/{id}")
    public Response get(@QueryParam("tenant") String tenant, @PathParam("id") String id) {
        String owner = access.tenant(Role.READER, tenant);
        return withVersion(Response.ok(), existing(owner, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    public Response create(@QueryParam("tenant") String tenant, AssistantRequest request) {
        String owner = access.tenant(Role.ADMIN, tenant);
        RequestBodies.required(request, "an assistant");
        Assistant created = assistants.create(request.toAssistant(owner, Ids.name("id", request.id()), clock.instant()));
        return withVersion(Response.created(URI.create("/api/assistants/" + created.id())), created);
    }

    /** Replaces the assistant's settings; If-Match names the version the edit was made on. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    public Response update(@QueryParam("tenant") String tenant, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AssistantRequest request) {
        String owner = access.tenant(Role.ADMIN, tenant);
        RequestBodies.required(request, "an assistant");
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidInputException("the body's id " + request.id() + " is not the path's " + id
                    + "; an assistant's id cannot change");
        }
        long expected = version(ifMatch).orElseThrow(() -> new InvalidInputException(
                "an update needs If-Match with the version it was made on (the ETag of GET /api/assistants/" + id + ")"));
        Assistant updated = assistants.update(request.toAssistant(owner, Ids.name("id", id), clock.instant()), expected);
        return withVersion(Response.ok(), updated);
    }

    /** Deletes the assistant; with If-Match, only if it is still that version. */
    @DELETE
    @Path("/{id}")
    public void delete(@QueryParam("tenant") String tenant, @PathParam("id") String id,
                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        String owner = access.tenant(Role.ADMIN, tenant);
        Assistant stored = existing(owner, id);
        version(ifMatch).filter(v -> v != stored.version()).ifPresent(v -> {
            throw AssistantStore.staleVersion(stored, v, stored.version());
        });
        if (!assistants.delete(owner, id)) {
            throw AssistantStore.unknown(owner, id);
        }
    }

    private Assistant existing(String tenant, String id) {
        return assistants.find(tenant, Ids.name("id", id)).orElseThrow(() -> AssistantStore.unknown(tenant, id));
    }

    private static Response withVersion(Response.ResponseBuilder response, Assistant assistant) {
        return response.tag(new EntityTag(Long.toString(assistant.version()))).entity(assistant).build();
    }

    /** The version an If-Match names: "3", 3 or W/"3". */
    private static Optional<Long> version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match must name an assistant version such as \"3\" but was " + ifMatch);
        }
    }
}
