package dev.ragfn.store.mvstore;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentPage;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.LegacyForms;
import dev.ragfn.store.StoreChecks;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The embedded document store: H2's MVStore (a pure-Java, crash-safe key-value file) in the
 * function's own process. Keys are tenant/knowledge base/document paths joined by NUL, so a
 * document's chunks and a knowledge base's documents are contiguous ranges. Writes to documents and
 * chunks hold the store's lock, so a version check and the write it guards are one step. Every
 * write ends with a commit, which hands the change to the operating system before returning: it
 * survives a crash of the process (not fsynced: a power loss may lose the last commits, which at
 * worst shows an indexed document as CHUNKED, and a re-run repairs that).
 */
public final class MvStoreDocumentStore implements DocumentStore {

    private static final char SEP = '\u0000';

    private final MVStore store;
    private final MVMap<String, String> knowledgeBases;
    private final MVMap<String, String> documents;
    private final MVMap<String, String> chunks;

    private MvStoreDocumentStore(MVStore store) {
        this.store = store;
        this.knowledgeBases = store.openMap("knowledge-bases");
        this.documents = store.openMap("documents");
        this.chunks = store.openMap("chunks");
    }

    /** A store persisted in {@code directory}, created if missing. */
    public static MvStoreDocumentStore open(Path directory) {
        return new MvStoreDocumentStore(MvStoreFiles.open(directory, "documents.mv.db", "document store"));
    }

    /** A store that lives only as long as this object: for tests and throwaway runs. */
    public static MvStoreDocumentStore inMemory() {
        return new MvStoreDocumentStore(MvStoreFiles.inMemory());
    }

    @Override
    public KnowledgeBase createKnowledgeBase(KnowledgeBase knowledgeBase) {
        String previous = knowledgeBases.putIfAbsent(key(knowledgeBase.ref()), MvStoreFiles.write(knowledgeBase));
        if (previous != null) {
            return StoreChecks.existingOrConflict(MvStoreFiles.read(previous, KnowledgeBase.class), knowledgeBase);
        }
        store.commit();
        return knowledgeBase;
    }

    @Override
    public Optional<KnowledgeBase> findKnowledgeBase(KnowledgeBaseRef ref) {
        return Optional.ofNullable(knowledgeBases.get(key(ref))).map(v -> MvStoreFiles.read(v, KnowledgeBase.class));
    }

    @Override
    public List<KnowledgeBase> listKnowledgeBases(String tenant) {
        return scan(knowledgeBases, tenant + SEP, v -> MvStoreFiles.read(v, KnowledgeBase.class));
    }

    @Override
    public synchronized void deleteKnowledgeBase(KnowledgeBaseRef ref) {
        removeRange(chunks, key(ref) + SEP);
        removeRange(documents, key(ref) + SEP);
        knowledgeBases.remove(key(ref));
        store.commit();
    }

    @Override
    public synchronized void putDocument(Document document) {
        StoreChecks.checkDocument(document);
        requireKnowledgeBase(document.ref().knowledgeBase());
        documents.put(key(document.ref()), MvStoreFiles.write(document));
        store.commit();
    }

    @Override
    public synchronized Document putNewVersion(Document document) {
        long current = findDocument(document.ref()).map(Document::version).orElse(0L);
        Document next = document.withVersion(StoreChecks.nextVersion(current));
        putDocument(next);
        return next;
    }

    @Override
    public synchronized boolean putIfVersion(Document document) {
        Optional<Document> stored = findDocument(document.ref());
        if (stored.isEmpty() || stored.get().version() != document.version()) {
            return false;
        }
        putDocument(document);
        return true;
    }

    @Override
    public Optional<Document> findDocument(DocumentRef ref) {
        return Optional.ofNullable(documents.get(key(ref))).map(MvStoreDocumentStore::document);
    }

    @Override
    public List<Document> listDocuments(KnowledgeBaseRef ref) {
        return scan(documents, key(ref) + SEP, MvStoreDocumentStore::document);
    }

    @Override
    public DocumentPage listDocuments(KnowledgeBaseRef ref, DocumentStatus status, String after, int limit) {
        DocumentPage.validateLimit(limit);
        String prefix = key(ref) + SEP;
        List<Document> matching = new ArrayList<>();
        for (Cursor<String, String> cursor = documents.cursor(after == null ? prefix : prefix + after);
             cursor.hasNext() && matching.size() <= limit; ) {
            String key = cursor.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            Document document = document(cursor.getValue());
            if ((after == null || document.ref().documentId().compareTo(after) > 0)
                    && (status == null || document.status() == status)) {
                matching.add(document);
            }
        }
        return DocumentPage.of(matching, limit);
    }

    @Override
    public synchronized void deleteDocument(DocumentRef ref) {
        removeRange(chunks, key(ref) + SEP);
        documents.remove(key(ref));
        store.commit();
    }

    /** Chunks are keyed without their version: under the lock, only the stored version's chunks are ever written. */
    @Override
    public synchronized boolean replaceChunks(DocumentRef ref, long version, List<Chunk> newChunks) {
        StoreChecks.checkChunks(ref, newChunks);
        Document document = findDocument(ref).orElseThrow(() -> StoreChecks.unknownDocument(ref));
        if (document.version() != version) {
            return false;
        }
        Set<String> keep = new HashSet<>();
        for (Chunk chunk : newChunks) {
            String key = key(ref) + SEP + chunk.id();
            keep.add(key);
            chunks.put(key, MvStoreFiles.write(chunk));
        }
        String prefix = key(ref) + SEP;
        for (Iterator<String> it = chunks.keyIterator(prefix); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            if (!keep.contains(key)) {
                chunks.remove(key);
            }
        }
        store.commit();
        return true;
    }

    @Override
    public List<Chunk> listChunks(DocumentRef ref) {
        List<Chunk> result = scan(chunks, key(ref) + SEP, MvStoreDocumentStore::chunk);
        result.sort(Comparator.comparingInt(Chunk::position));
        return result;
    }

    @Override
    public Optional<Chunk> findChunk(DocumentRef ref, String chunkId) {
        return Optional.ofNullable(chunks.get(key(ref) + SEP + chunkId)).map(MvStoreDocumentStore::chunk);
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    private void requireKnowledgeBase(KnowledgeBaseRef ref) {
        if (!knowledgeBases.containsKey(key(ref))) {
            throw StoreChecks.unknownKnowledgeBase(ref);
        }
    }

    /** JSON written before tags, date and heading path were fields is read through LegacyForms. */
    private static Document document(String json) {
        return LegacyForms.document(MvStoreFiles.read(json, Document.class));
    }

    private static Chunk chunk(String json) {
        return LegacyForms.chunk(MvStoreFiles.read(json, Chunk.class));
    }

    private static String key(KnowledgeBaseRef ref) {
        return ref.tenant() + SEP + ref.knowledgeBase();
    }

    private static String key(DocumentRef ref) {
        return key(ref.knowledgeBase()) + SEP + ref.documentId();
    }

    private static <T> List<T> scan(MVMap<String, String> map, String prefix, Function<String, T> reader) {
        List<T> result = new ArrayList<>();
        for (Cursor<String, String> cursor = map.cursor(prefix); cursor.hasNext(); ) {
            if (!cursor.next().startsWith(prefix)) {
                break;
            }
            result.add(reader.apply(cursor.getValue()));
        }
        return result;
    }

    private static void removeRange(MVMap<String, String> map, String prefix) {
        List<String> doomed = new ArrayList<>();
        for (Iterator<String> it = map.keyIterator(prefix); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            doomed.add(key);
        }
        doomed.forEach(map::remove);
    }
}
