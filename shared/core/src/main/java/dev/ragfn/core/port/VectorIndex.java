package dev.ragfn.core.port;

import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The searchable copy of chunks: vectors for kNN (cosine) and text for BM25, with tenant and
 * knowledge base as filter fields applied inside every query. Writes are visible to searches when
 * the call returns. They are durable (survive a crash of the process) once the
 * {@link #retireVersionsBefore} or {@link #deleteDocument} call that ends a document's write
 * returns: embed ends every document with one, before it reports the document indexed, so an
 * index pays for one durable commit per document rather than one per batch.
 */
public interface VectorIndex extends AutoCloseable {

    /** The largest chunk, in UTF-8 bytes of text, metadata and vector, that the index accepts. */
    long MAX_CHUNK_BYTES = 1_000_000;

    /**
     * Weight of a query term's BM25 score in the title against 1 in the text, on every
     * implementation (each field keeps the engines' default k1 = 1.2, b = 0.75). Chosen on SciFact's
     * training queries (functions/retrieve/README.md): 0.4 gave nDCG@10 0.702 where the former 2
     * gave 0.613; a title repeated on every chunk of a document must not outweigh the chunk's text.
     */
    float TITLE_WEIGHT = 0.4f;

    /** The vector dimension this index was created with; every upserted vector must have it. */
    int dimension();

    /**
     * Inserts or replaces chunks, keyed by document, version and chunk id: chunks of two versions
     * never overwrite each other. The whole batch is validated first, so a bad chunk means nothing
     * of the batch is written.
     */
    void upsert(List<IndexedChunk> chunks);

    /** Removes every chunk of the document. */
    void deleteDocument(DocumentRef document);

    /**
     * Removes the document's chunks of versions below {@code version}: after upserting a new
     * version, this retires the older ones without a window where neither is searchable, and
     * never touches a newer version that a concurrent writer may have put.
     */
    void retireVersionsBefore(DocumentRef document, long version);

    /** Every chunk the index holds for the knowledge base, as keys: for consistency checks. */
    List<ChunkKey> chunkKeys(KnowledgeBaseRef knowledgeBase);

    /** Every chunk the index holds for the document, of any version. */
    List<ChunkKey> chunkKeys(DocumentRef document);

    /**
     * The {@code k} chunks nearest to {@code vector} by cosine similarity, each scored
     * (1 + cosine) / 2 on every implementation, so callers can judge how similar a hit is.
     */
    List<IndexHit> vectorSearch(SearchScope scope, float[] vector, int k, SearchFilter filter);

    /** The {@code k} best BM25 matches for {@code text} over chunk titles and texts, the title weighted {@link #TITLE_WEIGHT}. */
    List<IndexHit> textSearch(SearchScope scope, String text, int k, SearchFilter filter);

    /**
     * How similar each of {@code chunks} is to {@code vector}, scored as {@link #vectorSearch} scores
     * a hit, (1 + cosine) / 2, but exactly and for those chunks alone: the similarity of passages a
     * text search found. A chunk outside the scope, or not in the index, has no entry.
     */
    Map<ChunkRef, Double> similarities(SearchScope scope, float[] vector, Collection<ChunkRef> chunks);

    /** How many chunks the scope holds. */
    long count(SearchScope scope);

    @Override
    void close();

    /** The checks every implementation applies to a batch before writing any of it. */
    static void validateBatch(int dimension, List<IndexedChunk> chunks) {
        for (IndexedChunk chunk : chunks) {
            if (chunk.vector().length != dimension) {
                throw new InvalidInputException("chunk " + chunk.chunkId() + " of " + chunk.document()
                        + " has a vector of dimension " + chunk.vector().length + " but the index expects " + dimension
                        + "; re-embed with the index's model or create an index for this model");
            }
            checkVector(chunk.vector(), "chunk " + chunk.chunkId() + " of " + chunk.document());
            if (chunk.approximateBytes() > MAX_CHUNK_BYTES) {
                throw new TooLargeException("chunk " + chunk.chunkId() + " of " + chunk.document() + " is "
                        + chunk.approximateBytes() + " bytes, over the index limit of " + MAX_CHUNK_BYTES
                        + "; split the document into smaller chunks");
            }
        }
    }

    static void validateQuery(int dimension, float[] vector, int k) {
        if (vector == null || vector.length != dimension) {
            throw new InvalidInputException("query vector has dimension " + (vector == null ? 0 : vector.length)
                    + " but the index expects " + dimension);
        }
        checkVector(vector, "the query");
        validateK(k);
    }

    /** Cosine similarity is undefined for a zero vector and poisoned by NaN. */
    private static void checkVector(float[] vector, String owner) {
        boolean allZero = true;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new InvalidInputException(owner + " has a vector with NaN or infinite components");
            }
            allZero &= v == 0f;
        }
        if (allZero) {
            throw new InvalidInputException(owner + " has an all-zero vector, which has no cosine similarity");
        }
    }

    static void validateK(int k) {
        if (k < 1 || k > 10_000) {
            throw new InvalidInputException("k must be between 1 and 10000 but was " + k);
        }
    }
}
