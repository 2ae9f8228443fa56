package dev.ragfn.core.port;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.NotFoundException;

import java.util.List;
import java.util.Optional;

/**
 * Where knowledge bases, documents and their chunks live (DynamoDB in the cloud, an embedded
 * store on a laptop). Every method is scoped by tenant through the refs it takes; nothing crosses
 * tenants. Writes either happen whole or not at all as far as input validation goes: an invalid
 * or oversized item is refused before anything is written.
 */
public interface DocumentStore extends AutoCloseable {

    /** The largest item, in UTF-8 bytes, any implementation accepts (DynamoDB allows 400 KB per item). */
    long MAX_ITEM_BYTES = 350_000;

    /**
     * Creates a knowledge base. Creating one that exists with the same dimension returns the
     * stored one (so redelivered requests are harmless); another dimension is a conflict.
     */
    KnowledgeBase createKnowledgeBase(KnowledgeBase knowledgeBase);

    Optional<KnowledgeBase> findKnowledgeBase(KnowledgeBaseRef ref);

    /** The tenant's knowledge bases, ordered by name. */
    List<KnowledgeBase> listKnowledgeBases(String tenant);

    /** Deletes a knowledge base with all its documents and chunks; a no-op if it does not exist. */
    void deleteKnowledgeBase(KnowledgeBaseRef ref);

    /** Inserts or replaces a document record as it is, version included; its knowledge base must exist. */
    void putDocument(Document document);

    /**
     * Stores {@code document} as the document's next version: one ordered step among concurrent
     * writers (a conditional write), so every accepted submission gets its own, higher version,
     * also across a delete and re-create. Returns the stored document with its version.
     */
    Document putNewVersion(Document document);

    /**
     * Replaces the stored record only if it still has {@code document.version()}: false, and
     * nothing written, when the document was deleted or replaced by a newer version meanwhile.
     */
    boolean putIfVersion(Document document);

    Optional<Document> findDocument(DocumentRef ref);

    /** The knowledge base's documents, ordered by id. */
    List<Document> listDocuments(KnowledgeBaseRef ref);

    /**
     * One page of the knowledge base's documents, ordered by id: at most {@code limit} of those whose id
     * sorts after {@code after} (null: from the first), only those in {@code status} unless it is null.
     * The page's {@link DocumentPage#next()} is the {@code after} of the next page, null on the last.
     */
    DocumentPage listDocuments(KnowledgeBaseRef ref, DocumentStatus status, String after, int limit);

    /** Deletes a document and its chunks; a no-op if it does not exist. */
    void deleteDocument(DocumentRef ref);

    /**
     * Makes {@code chunks} the chunk set of the document's {@code version}: writes them, then
     * removes chunks of older versions and of this version whose ids are not among them. Chunks
     * with an id already stored are overwritten, so a retried call leaves the same state. Returns
     * false, leaving no chunk of this version behind, when the document has moved on to another
     * version; the chunks of a newer version are never touched. The document must exist.
     */
    boolean replaceChunks(DocumentRef ref, long version, List<Chunk> chunks);

    /** {@link #replaceChunks(DocumentRef, long, List)} for the stored version of the document. */
    default void replaceChunks(DocumentRef ref, List<Chunk> chunks) {
        Document document = findDocument(ref).orElseThrow(() -> new NotFoundException("document " + ref
                + " does not exist; store the document before its chunks"));
        replaceChunks(ref, document.version(), chunks);
    }

    /** The chunks of the document's stored version, ordered by position. */
    List<Chunk> listChunks(DocumentRef ref);

    /** One chunk of the document's stored version; empty when the document or that chunk is not there. */
    Optional<Chunk> findChunk(DocumentRef ref, String chunkId);

    @Override
    void close();
}
