package dev.ragfn.api;

import dev.ragfn.api.Views.ChunkView;
import dev.ragfn.api.Views.DocumentPageView;
import dev.ragfn.api.Views.DocumentView;
import dev.ragfn.api.Views.KnowledgeBaseView;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.ChunkKey;
import dev.ragfn.core.port.DocumentPage;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.EventPublisher;
import dev.ragfn.core.port.VectorIndex;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Knowledge bases and their documents as users manage them: the store says what exists, the index
 * holds what is searched, and both forget a deleted document. New content goes through ingest as a
 * {@code dev.ragfn.document.submitted} event, so an upload is checked, parsed and chunked exactly as
 * any other submission.
 */
@ApplicationScoped
public class Library {

    private static final Logger LOG = Logger.getLogger(Library.class);
    static final String SOURCE = "/ragfn/api";

    private final DocumentStore store;
    private final VectorIndex index;
    private final EventPublisher events;
    private final RagfnConfig config;
    private final Clock clock = Clock.systemUTC();

    public Library(DocumentStore store, VectorIndex index, EventPublisher events, RagfnConfig config) {
        this.store = store;
        this.index = index;
        this.events = events;
        this.config = config;
    }

    public List<KnowledgeBaseView> knowledgeBases(String tenant) {
        return store.listKnowledgeBases(tenant).stream()
                .map(kb -> KnowledgeBaseView.of(kb, store.listDocuments(kb.ref()))).toList();
    }

    public KnowledgeBaseView knowledgeBase(KnowledgeBaseRef ref) {
        return KnowledgeBaseView.of(existing(ref), store.listDocuments(ref));
    }

    /** A new knowledge base of the dimension every function here embeds with; one that exists is a conflict. */
    public KnowledgeBaseView create(KnowledgeBaseRef ref, String displayName, String description) {
        if (store.findKnowledgeBase(ref).isPresent()) {
            throw new ConflictException("knowledge base " + ref.knowledgeBase() + " exists in tenant " + ref.tenant()
                    + "; choose another name or delete it first");
        }
        KnowledgeBase created = store.createKnowledgeBase(new KnowledgeBase(ref, displayName, description,
                config.embedding().dimension(), clock.instant()));
        return KnowledgeBaseView.of(created, List.of());
    }

    /** Removes the knowledge base's chunks from the index (also those the store no longer knows of), then the store's records. */
    public void delete(KnowledgeBaseRef ref) {
        existing(ref);
        index.chunkKeys(ref).stream().map(ChunkKey::document).distinct().forEach(index::deleteDocument);
        store.deleteKnowledgeBase(ref);
    }

    public DocumentPageView documents(KnowledgeBaseRef ref, DocumentStatus status, String after, int limit) {
        existing(ref);
        DocumentPage page = store.listDocuments(ref, status, after, limit);
        return new DocumentPageView(page.documents().stream().map(DocumentView::of).toList(), page.next());
    }

    public DocumentView document(DocumentRef ref) {
        return DocumentView.of(existing(ref));
    }

    /** A chunk of the document's current version, as cited by a chat turn's sources. */
    public ChunkView chunk(DocumentRef ref, String chunkId) {
        Document document = existing(ref);
        return store.findChunk(ref, chunkId).map(c -> ChunkView.of(document, c))
                .orElseThrow(() -> new NotFoundException("chunk " + chunkId + " is not in the current version of document "
                        + ref.documentId() + "; it may have been re-ingested or deleted since it was cited"));
    }

    /** The index first: a document the store still lists can be deleted again, a searchable orphan could not. */
    public void delete(DocumentRef ref) {
        existing(ref);
        index.deleteDocument(ref);
        store.deleteDocument(ref);
    }

    /**
     * Submits the document again from {@code source}, or from its stored source when that is null; an
     * uploaded one has no stored source to fetch and must be uploaded again (or given a source).
     */
    public Views.Accepted reingest(DocumentRef ref, String source) {
        Document document = existing(ref);
        String from = source != null && !source.isBlank() ? source : document.source();
        if (from.isBlank() || from.startsWith("inline:")) {
            throw new ConflictException("document " + ref.documentId() + " was uploaded or sent inline and has no "
                    + "source to fetch again; upload it again, or name a source");
        }
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("documentId", ref.documentId());
        submission.put("source", from);
        if (!document.title().isBlank()) {
            submission.put("title", document.title());
        }
        submit(ref, submission);
        return accepted(ref);
    }

    /**
     * Records the upload as RECEIVED, so its status can be followed from the first moment, then submits its
     * bytes to ingest. A submission the broker refuses leaves the document FAILED with the reason.
     */
    public Views.Accepted upload(DocumentRef ref, String title, String contentType, byte[] content) {
        existing(ref.knowledgeBase());
        Document received = store.putNewVersion(new Document(ref, title, "inline:" + ref.documentId(), contentType,
                "", DocumentStatus.RECEIVED, "", 0, Map.of(), clock.instant()));
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("documentId", ref.documentId());
        if (title != null) {
            submission.put("title", title);
        }
        if (contentType != null) {
            submission.put("contentType", contentType);
        }
        submission.put("contentBase64", Base64.getEncoder().encodeToString(content));
        try {
            submit(ref, submission);
        } catch (RuntimeException e) {
            LOG.warnf("Upload of %s could not be submitted: %s", ref, e.getMessage());
            store.putIfVersion(received.withStatus(DocumentStatus.FAILED, "not submitted to ingest: " + e.getMessage(),
                    clock.instant()));
            throw e;
        }
        return accepted(ref);
    }

    private void submit(DocumentRef ref, Map<String, Object> submission) {
        events.publish(EventTypes.DOCUMENT_SUBMITTED, SOURCE, ref.knowledgeBase(), submission);
    }

    private static Views.Accepted accepted(DocumentRef ref) {
        return new Views.Accepted(ref.documentId(), ref.knowledgeBase().knowledgeBase(), DocumentStatus.RECEIVED,
                location(ref));
    }

    /** The document's URL path; an id may hold spaces, '%', '?' or '#' (a file's name), quoted here. */
    private static String location(DocumentRef ref) {
        String path = "/api/knowledge-bases/" + ref.knowledgeBase().knowledgeBase() + "/documents/" + ref.documentId();
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("document id " + ref.documentId() + " cannot be part of a URL: " + e.getMessage());
        }
    }

    private KnowledgeBase existing(KnowledgeBaseRef ref) {
        return store.findKnowledgeBase(ref).orElseThrow(() -> new NotFoundException("knowledge base "
                + ref.knowledgeBase() + " does not exist in tenant " + ref.tenant()));
    }

    private Document existing(DocumentRef ref) {
        existing(ref.knowledgeBase());
        return store.findDocument(ref).orElseThrow(() -> new NotFoundException("document " + ref.documentId()
                + " does not exist in knowledge base " + ref.knowledgeBase().knowledgeBase()));
    }
}
