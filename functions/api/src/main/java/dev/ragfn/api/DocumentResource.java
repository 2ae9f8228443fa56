package dev.ragfn.api;

import dev.ragfn.api.Views.Accepted;
import dev.ragfn.api.Views.ChunkView;
import dev.ragfn.api.Views.DocumentPageView;
import dev.ragfn.api.Views.DocumentView;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.port.EventPublisher;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;

/**
 * A knowledge base's documents: readers list them (a page at a time, by status) and read one; editors
 * upload, re-ingest and delete. Document ids may contain '/', so the id is the rest of the path.
 */
@Path("/api/knowledge-bases/{kb}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

    private final Library library;
    private final TenantAccess access;
    private final ApiConfig config;
    private final EventPublisher events;

    public DocumentResource(Library library, TenantAccess access, ApiConfig config, EventPublisher events) {
        this.library = library;
        this.access = access;
        this.config = config;
        this.events = events;
    }

    /** One page of documents ordered by id; pass the answer's {@code next} as {@code after} for the following page. */
    @GET
    public DocumentPageView list(@QueryParam("tenant") String tenant, @PathParam("kb") String kb,
                                 @QueryParam("status") String status, @QueryParam("after") String after,
                                 @QueryParam("limit") String limit) {
        KnowledgeBaseRef ref = new KnowledgeBaseRef(access.tenant(Role.READER, tenant), kb);
        PageRequest page = PageRequest.of(after, limit, config.defaultPageSize(), "documents", Ids::id);
        return library.documents(ref, status(status), page.after(), page.limit());
    }

    @GET
    @Path("/{id: .+}")
    public DocumentView get(@QueryParam("tenant") String tenant, @PathParam("kb") String kb, @PathParam("id") String id) {
        return library.document(ref(Role.READER, tenant, kb, id));
    }

    /** One passage (chunk) of the document by the id a chat turn's source cites, from its current version. */
    @GET
    @Path("/{id: .+}/chunks/{chunkId}")
    public ChunkView chunk(@QueryParam("tenant") String tenant, @PathParam("kb") String kb, @PathParam("id") String id,
                           @PathParam("chunkId") String chunkId) {
        return library.chunk(ref(Role.READER, tenant, kb, id), Ids.id("chunkId", chunkId));
    }

    /** Deletes the document and its chunks from the store and from the index. */
    @DELETE
    @Path("/{id: .+}")
    public void delete(@QueryParam("tenant") String tenant, @PathParam("kb") String kb, @PathParam("id") String id) {
        library.delete(ref(Role.EDITOR, tenant, kb, id));
    }

    /**
     * Submits the document to ingest again, from its stored source or from the {@code source} the body
     * names ({@code {}} for the stored one); answered 202 at once, follow the document's status.
     */
    @POST
    @Path("/{id: .+}/reingest")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    public Response reingest(@QueryParam("tenant") String tenant, @PathParam("kb") String kb, @PathParam("id") String id,
                             Reingest request) {
        DocumentRef ref = ref(Role.EDITOR, tenant, kb, id);
        RequestBodies.required(request, "a re-ingestion ({} for the stored source)");
        return accepted(library.reingest(ref, request.checkedSource()));
    }

    /** Where to fetch the document from this time; null keeps the stored source. */
    public record Reingest(String source) {

        private static final int MAX_SOURCE_LENGTH = 2_048;

        /** The source as ingest reads one (a URL with a scheme such as https:// or s3://), or null for the stored one. */
        String checkedSource() {
            if (source == null || source.isBlank()) {
                return null;
            }
            if (source.length() > MAX_SOURCE_LENGTH) {
                throw new InvalidInputException("source must be at most " + MAX_SOURCE_LENGTH + " characters but has "
                        + source.length());
            }
            try {
                if (new URI(source.strip()).getScheme() != null) {
                    return source.strip();
                }
            } catch (URISyntaxException e) {
                // said below
            }
            throw new InvalidInputException("source must be a URL ingest can fetch, such as https://host/file.pdf or "
                    + "s3://bucket/key, but was '" + (source.length() > 80 ? source.substring(0, 80) + "..." : source) + "'");
        }
    }

    /**
     * Uploads a file (form field {@code file}; optional {@code documentId}, by default the file's name, and
     * {@code title}) into an existing knowledge base, up to ragfn.api.max-upload-bytes and what one event of the
     * broker can carry (the bytes travel inside it; about 180 KiB on EventBridge). Answered 202 with
     * the document id as soon as it is submitted; ingest parses it, and its status says how that went.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@QueryParam("tenant") String tenant, @PathParam("kb") String kb,
                           @RestForm("file") FileUpload file, @RestForm("documentId") String documentId,
                           @RestForm("title") String title) {
        String owner = access.tenant(Role.EDITOR, tenant);
        if (file == null) {
            throw new InvalidInputException("the upload needs a file in the multipart form field 'file'");
        }
        if (file.size() == 0) {
            throw new InvalidInputException("the file " + file.fileName() + " is empty: there is nothing to index");
        }
        if (file.size() > config.maxUploadBytes()) {
            throw new TooLargeException("the file " + file.fileName() + " is " + file.size() + " bytes, over the limit of "
                    + config.maxUploadBytes() + " (ragfn.api.max-upload-bytes); split it, or submit it by URL");
        }
        if (file.size() > events.maxInlineBytes()) {
            throw new TooLargeException("the file " + file.fileName() + " is " + file.size() + " bytes, over the "
                    + events.maxInlineBytes() + " that one event of this deployment's event bus can carry (uploads travel "
                    + "inside the event); put it in the stack's ingest bucket, or where ingest can fetch it by an "
                    + "https:// or s3:// URL, and submit it by that source");
        }
        String id = Ids.id("documentId", documentId == null || documentId.isBlank() ? file.fileName() : documentId);
        DocumentRef ref = new KnowledgeBaseRef(owner, kb).document(id);
        return accepted(library.upload(ref, Ids.title("title", title), contentType(file), read(file)));
    }

    private DocumentRef ref(Role role, String tenant, String kb, String id) {
        return new KnowledgeBaseRef(access.tenant(role, tenant), kb).document(Ids.id("documentId", id));
    }

    private static Response accepted(Accepted accepted) {
        return Response.accepted(accepted).location(URI.create(accepted.location())).build();
    }

    private static DocumentStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return DocumentStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status must be one of " + Arrays.toString(DocumentStatus.values())
                    + " but was '" + status + "'");
        }
    }

    /** The part's declared type, unless it is the generic one a browser sends for any file: ingest sniffs that. */
    private static String contentType(FileUpload file) {
        String type = file.contentType();
        return type == null || type.isBlank() || type.startsWith(MediaType.APPLICATION_OCTET_STREAM) ? null : type;
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the uploaded file " + file.fileName(), e);
        }
    }
}
