package dev.ragfn.bundle.cli;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.core.port.ChunkKey;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.embed.EmbedService;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ragfn check [--repair]}: compares the document store with the index for a tenant's
 * knowledge bases and, with --repair, makes them agree. The store is the record of what was
 * accepted, so repairs go towards it: an indexed document whose chunks are missing, or that is
 * stuck CHUNKED, is embedded again; chunks of deleted documents or of older versions leave the
 * index; a document whose stored chunks are incomplete is marked FAILED, so the next ingest of its
 * source processes it again.
 */
@ApplicationScoped
public class Check {

    private final DocumentStore store;
    private final VectorIndex index;
    private final EmbedService embed;
    private final Clock clock = Clock.systemUTC();
    private final PrintStream out = System.out;

    public Check(DocumentStore store, VectorIndex index, EmbedService embed) {
        this.store = store;
        this.index = index;
        this.embed = embed;
    }

    /** One disagreement between store and index, and how a repair resolves it. */
    public record Problem(DocumentRef document, Kind kind, String detail) {
    }

    public enum Kind {
        /** INDEXED, but the index lacks some of the version's chunks. */
        MISSING_CHUNKS,
        /** The index holds chunks of another version, or chunk ids the version does not have. */
        EXTRA_CHUNKS,
        /** Chunked but never embedded, for instance after a crash between the two steps. */
        STUCK_CHUNKED,
        /** The store holds fewer chunks than the document counts: only a new ingestion can fix it. */
        INCOMPLETE_IN_STORE,
        /** The index holds chunks of a document the store does not know. */
        ORPHAN_CHUNKS
    }

    /** Exit code 0 when store and index agree (after repairing, with {@code repair}), 1 otherwise. */
    public int run(String tenant, String knowledgeBase, boolean repair) {
        List<KnowledgeBaseRef> scope = scope(tenant, knowledgeBase);
        List<Problem> problems = new ArrayList<>();
        int documents = 0;
        for (KnowledgeBaseRef kb : scope) {
            documents += store.listDocuments(kb).size();
            problems.addAll(find(kb));
        }
        out.printf("Checked %s: %d knowledge base(s), %d documents, %d problem(s)%n", tenant, scope.size(), documents,
                problems.size());
        problems.forEach(p -> out.printf("  %-19s %s: %s%n", p.kind(), p.document(), p.detail()));
        if (problems.isEmpty()) {
            return 0;
        }
        if (!repair) {
            out.println("Run again with --repair to fix them.");
            return 1;
        }
        problems.forEach(this::repair);
        List<Problem> left = new ArrayList<>();
        scope.forEach(kb -> left.addAll(find(kb)));
        out.printf("Repaired %d problem(s); %d left%n", problems.size() - left.size(), left.size());
        left.forEach(p -> out.printf("  %-19s %s: %s%n", p.kind(), p.document(), p.detail()));
        return left.isEmpty() ? 0 : 1;
    }

    private List<KnowledgeBaseRef> scope(String tenant, String knowledgeBase) {
        if (knowledgeBase == null) {
            return store.listKnowledgeBases(tenant).stream().map(KnowledgeBase::ref).toList();
        }
        KnowledgeBaseRef ref = new KnowledgeBaseRef(tenant, knowledgeBase);
        if (store.findKnowledgeBase(ref).isEmpty()) {
            throw new NotFoundException("knowledge base " + ref + " does not exist");
        }
        return List.of(ref);
    }

    /** The problems of one knowledge base, ordered by document. */
    public List<Problem> find(KnowledgeBaseRef kb) {
        Map<String, List<ChunkKey>> indexed = new TreeMap<>(index.chunkKeys(kb).stream()
                .collect(Collectors.groupingBy(k -> k.document().documentId())));
        List<Problem> problems = new ArrayList<>();
        for (Document document : store.listDocuments(kb)) {
            List<ChunkKey> keys = indexed.getOrDefault(document.ref().documentId(), List.of());
            indexed.remove(document.ref().documentId());
            problems.addAll(compare(document, keys));
        }
        indexed.forEach((documentId, keys) -> problems.add(new Problem(kb.document(documentId), Kind.ORPHAN_CHUNKS,
                keys.size() + " chunk(s) in the index, no document in the store")));
        return problems;
    }

    private List<Problem> compare(Document document, List<ChunkKey> keys) {
        if (document.status() == DocumentStatus.FAILED || document.status() == DocumentStatus.RECEIVED) {
            return List.of();
        }
        List<Chunk> stored = store.listChunks(document.ref());
        if (stored.size() != document.chunkCount()) {
            return List.of(new Problem(document.ref(), Kind.INCOMPLETE_IN_STORE, document.status() + ", "
                    + stored.size() + " of " + document.chunkCount() + " chunks in the store"));
        }
        if (document.status() == DocumentStatus.CHUNKED) {
            return List.of(new Problem(document.ref(), Kind.STUCK_CHUNKED, document.chunkCount()
                    + " chunks waiting for embedding"));
        }
        Set<String> expected = stored.stream().map(Chunk::id).collect(Collectors.toSet());
        Set<String> present = new HashSet<>();
        int extra = 0;
        for (ChunkKey key : keys) {
            if (key.version() == document.version() && expected.contains(key.chunkId())) {
                present.add(key.chunkId());
            } else {
                extra++;
            }
        }
        List<Problem> problems = new ArrayList<>();
        if (present.size() < expected.size()) {
            problems.add(new Problem(document.ref(), Kind.MISSING_CHUNKS, "INDEXED, " + present.size() + " of "
                    + expected.size() + " chunks in the index"));
        }
        if (extra > 0) {
            problems.add(new Problem(document.ref(), Kind.EXTRA_CHUNKS, extra
                    + " chunk(s) in the index that are not of version " + document.version()));
        }
        return problems;
    }

    private void repair(Problem problem) {
        DocumentRef ref = problem.document();
        switch (problem.kind()) {
            case ORPHAN_CHUNKS -> index.deleteDocument(ref);
            case INCOMPLETE_IN_STORE -> store.findDocument(ref).ifPresent(d -> store.putIfVersion(d.withStatus(
                    DocumentStatus.FAILED, "chunks incomplete after an interrupted ingestion; submit it again",
                    clock.instant())));
            case EXTRA_CHUNKS -> store.findDocument(ref).ifPresent(d -> {
                index.retireVersionsBefore(ref, d.version());
                if (!compare(d, index.chunkKeys(ref)).isEmpty()) {
                    index.deleteDocument(ref);
                    reembed(d);
                }
            });
            case MISSING_CHUNKS, STUCK_CHUNKED -> store.findDocument(ref).ifPresent(this::reembed);
        }
    }

    /** Embeds the stored version again; INDEXED documents go back to CHUNKED first, as embed skips indexed ones. */
    private void reembed(Document document) {
        Document chunked = document.withStatus(DocumentStatus.CHUNKED, "re-embedding: index disagreed with the store",
                clock.instant());
        if (document.status() == DocumentStatus.INDEXED && !store.putIfVersion(chunked)) {
            return;
        }
        DocumentRef ref = document.ref();
        embed.embed(new ChunksReady(ref.tenant(), ref.knowledgeBase().knowledgeBase(), ref.documentId(),
                document.contentHash(), document.chunkCount(), document.version()));
    }
}
