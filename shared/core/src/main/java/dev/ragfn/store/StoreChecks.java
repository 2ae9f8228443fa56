package dev.ragfn.store;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.port.DocumentStore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks every DocumentStore implementation makes before writing, so they all refuse alike. */
public final class StoreChecks {

    private StoreChecks() {
    }

    public static void checkDocument(Document document) {
        if (document.approximateBytes() > DocumentStore.MAX_ITEM_BYTES) {
            throw new TooLargeException("document " + document.ref() + " record is " + document.approximateBytes()
                    + " bytes, over the store limit of " + DocumentStore.MAX_ITEM_BYTES + "; shorten its metadata");
        }
    }

    public static void checkChunks(DocumentRef ref, List<Chunk> chunks) {
        Set<String> ids = new HashSet<>();
        for (Chunk chunk : chunks) {
            if (!chunk.document().equals(ref)) {
                throw new InvalidInputException("chunk " + chunk.id() + " belongs to " + chunk.document()
                        + ", not to " + ref);
            }
            if (!ids.add(chunk.id())) {
                throw new InvalidInputException("chunk id " + chunk.id() + " appears twice for " + ref);
            }
            if (chunk.approximateBytes() > DocumentStore.MAX_ITEM_BYTES) {
                throw new TooLargeException("chunk " + chunk.id() + " of " + ref + " is " + chunk.approximateBytes()
                        + " bytes, over the store limit of " + DocumentStore.MAX_ITEM_BYTES
                        + "; use a smaller chunk size");
            }
        }
    }

    public static NotFoundException unknownKnowledgeBase(KnowledgeBaseRef ref) {
        return new NotFoundException("knowledge base " + ref + " does not exist; create it first");
    }

    public static NotFoundException unknownDocument(DocumentRef ref) {
        return new NotFoundException("document " + ref + " does not exist; store the document before its chunks");
    }

    /**
     * The version after {@code current}: above it, and at least the clock in microseconds, so a
     * document deleted and submitted again still gets a version above any it had before.
     */
    public static long nextVersion(long current) {
        return Math.max(current + 1, System.currentTimeMillis() * 1000);
    }

    /** Creating an existing knowledge base is fine when it agrees with what is stored. */
    public static KnowledgeBase existingOrConflict(KnowledgeBase stored, KnowledgeBase requested) {
        if (stored.embeddingDimension() != requested.embeddingDimension()) {
            throw new ConflictException("knowledge base " + requested.ref() + " exists with embedding dimension "
                    + stored.embeddingDimension() + ", not " + requested.embeddingDimension()
                    + "; use another name or delete it first");
        }
        return stored;
    }
}
