package dev.ragfn.core.port;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;

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

    /** Inserts or replaces a document record; its knowledge base must exist. */
    void putDocument(Document document);

    Optional<Document> findDocument(DocumentRef ref);

    /** The knowledge base's documents, ordered by id. */
    List<Document> listDocuments(KnowledgeBaseRef ref);

    /** Deletes a document and its chunks; a no-op if it does not exist. */
    void deleteDocument(DocumentRef ref);

    /**
     * Makes {@code chunks} the document's chunk set: writes them, then removes chunks of the
     * document whose ids are not among them. Chunks with an id already stored are overwritten, so
     * a retried call leaves the same state. The document must exist.
     */
    void replaceChunks(DocumentRef ref, List<Chunk> chunks);

    /** The document's chunks ordered by position. */
    List<Chunk> listChunks(DocumentRef ref);

    @Override
    void close();
}
