package dev.ragfn.api;

import dev.ragfn.api.Views.KnowledgeBaseView;
import dev.ragfn.api.Views.NewKnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.http.RequestBodies;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** The tenant's knowledge bases: readers list them with their counts, editors create and delete them. */
@Path("/api/knowledge-bases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge bases")
public class KnowledgeBaseResource {

    private final Library library;
    private final TenantAccess access;

    public KnowledgeBaseResource(Library library, TenantAccess access) {
        this.library = library;
        this.access = access;
    }

    @GET
    public List<KnowledgeBaseView> list(@QueryParam("tenant") String tenant) {
        return library.knowledgeBases(access.tenant(Role.READER, tenant));
    }

    @GET
    @Path("/{kb}")
    public KnowledgeBaseView get(@QueryParam("tenant") String tenant, @PathParam("kb") String kb) {
        return library.knowledgeBase(new KnowledgeBaseRef(access.tenant(Role.READER, tenant), kb));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    public Response create(@QueryParam("tenant") String tenant, NewKnowledgeBase request) {
        String owner = access.tenant(Role.EDITOR, tenant);
        RequestBodies.required(request, "a knowledge base");
        KnowledgeBaseView created = library.create(new KnowledgeBaseRef(owner, request.knowledgeBase()),
                request.displayName(), request.description());
        return Response.created(URI.create("/api/knowledge-bases/" + created.knowledgeBase())).entity(created).build();
    }

    /** Deletes the knowledge base with all its documents, from the store and from the index. */
    @DELETE
    @Path("/{kb}")
    public void delete(@QueryParam("tenant") String tenant, @PathParam("kb") String kb) {
        library.delete(new KnowledgeBaseRef(access.tenant(Role.EDITOR, tenant), kb));
    }
}
