package dev.ragfn.index.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.ChunkKey;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.LegacyForms;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.core.json.Json;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded vector/text index: Apache Lucene in process, persisted to a local directory. HNSW
 * with cosine similarity for kNN, BM25 with English stemming for text; tenant and knowledge base
 * are indexed keyword fields that every query carries as filter clauses.
 * <p>
 * Cosine similarity is computed as the dot product of unit vectors, as Lucene recommends: every
 * distance in graph building, merging and search then costs one multiply-add per dimension
 * instead of three. Indexes created with Lucene's COSINE function keep it, since a field's
 * similarity cannot change.
 */
public final class LuceneVectorIndex implements VectorIndex {

    private static final String ID = "_id";
    private static final String TENANT = "tenant";
    private static final String KNOWLEDGE_BASE = "knowledge_base";
    private static final String DOCUMENT_ID = "document_id";
    private static final String CHUNK_ID = "chunk_id";
    private static final String POSITION = "position";
    private static final String TITLE = "title";
    /** What BM25 ranks, the chunk's search text; stored only by indexes written before BODY and HEADINGS. */
    private static final String TEXT = "text";
    private static final String BODY = "body";
    private static final String HEADINGS = "headings";
    private static final String SOURCE = "source";
    private static final String TAGS = "tags";
    private static final String METADATA = "metadata";
    private static final String VECTOR = "vector";
    private static final String DATE = "date";
    private static final String VERSION = "version";
    /** Lucene's HNSW explores about k candidates; asking for more gives recall like OpenSearch's ef_search. */
    private static final int MIN_CANDIDATES = 100;
    /** Hostile or huge queries must not turn into huge boolean queries. */
    private static final int MAX_QUERY_TERMS = 256;
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final Set<String> KEY_FIELDS = Set.of(TENANT, KNOWLEDGE_BASE, DOCUMENT_ID, CHUNK_ID);

    private final int dimension;
    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService searchThreads;
    private final VectorSimilarityFunction similarity;
    /** Writes finished so far, and how many of them the last commit covers: see {@link #write}. */
    private final AtomicLong finishedWrites = new AtomicLong();
    private final Object commitLock = new Object();
    private long committedWrites;

    private LuceneVectorIndex(Directory directory, int dimension) throws IOException {
        this.dimension = dimension;
        this.directory = directory;
        this.similarity = similarityOf(directory);
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
        this.searchThreads = searchThreads();
        // Searches the segments of one query in parallel: kNN cost grows with the segment count.
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, searchThreads);
            }
        });
    }

    private static VectorSimilarityFunction similarityOf(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return VectorSimilarityFunction.DOT_PRODUCT;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            FieldInfo vectors = FieldInfos.getMergedFieldInfos(reader).fieldInfo(VECTOR);
            return vectors == null ? VectorSimilarityFunction.DOT_PRODUCT : vectors.getVectorSimilarityFunction();
        }
    }

    /** An index persisted in {@code directory}, created if missing. */
    public static LuceneVectorIndex open(Path directory, int dimension) {
        try {
            return new LuceneVectorIndex(FSDirectory.open(directory), dimension);
        } catch (IOException e) {
            throw new StoreUnavailableException("Failed to open the embedded index in " + directory + ": "
                    + e.getMessage() + "; check that the directory is writable and not used by another process", e);
        }
    }

    /** An index held in memory only: for tests and throwaway runs. */
    public static LuceneVectorIndex inMemory(int dimension) {
        try {
            return new LuceneVectorIndex(new ByteBuffersDirectory(), dimension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void upsert(List<IndexedChunk> chunks) {
        VectorIndex.validateBatch(dimension, chunks);
        write("index " + chunks.size() + " chunks", false, () -> {
            for (IndexedChunk chunk : chunks) {
                writer.updateDocument(new Term(ID, chunk.storedId()), toLucene(chunk));
            }
        });
    }

    @Override
    public void deleteDocument(DocumentRef document) {
        write("delete document " + document, true, () -> writer.deleteDocuments(documentQuery(document).build()));
    }

    @Override
    public void retireVersionsBefore(DocumentRef document, long version) {
        Query stale = documentQuery(document)
                .add(LongPoint.newRangeQuery(VERSION, Long.MIN_VALUE, version - 1), Occur.FILTER)
                .build();
        write("retire old chunks of " + document, true, () -> writer.deleteDocuments(stale));
    }

    @Override
    public List<ChunkKey> chunkKeys(KnowledgeBaseRef knowledgeBase) {
        return keys(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TENANT, knowledgeBase.tenant())), Occur.FILTER)
                .add(new TermQuery(new Term(KNOWLEDGE_BASE, knowledgeBase.knowledgeBase())), Occur.FILTER)
                .build());
    }

    @Override
    public List<ChunkKey> chunkKeys(DocumentRef document) {
        return keys(documentQuery(document).build());
    }

    private List<ChunkKey> keys(Query query) {
        return read(searcher -> {
            int total = searcher.count(query);
            if (total == 0) {
                return List.of();
            }
            StoredFields stored = searcher.storedFields();
            Set<String> fields = Set.of(TENANT, KNOWLEDGE_BASE, DOCUMENT_ID, CHUNK_ID, VERSION);
            List<ChunkKey> keys = new ArrayList<>(total);
            for (ScoreDoc hit : searcher.search(query, total).scoreDocs) {
                Document doc = stored.document(hit.doc, fields);
                IndexableField version = doc.getField(VERSION);
                keys.add(new ChunkKey(DocumentRef.of(doc.get(TENANT), doc.get(KNOWLEDGE_BASE), doc.get(DOCUMENT_ID)),
                        version == null ? 0 : version.numericValue().longValue(), doc.get(CHUNK_ID)));
            }
            return keys;
        });
    }

    @Override
    public List<IndexHit> vectorSearch(SearchScope scope, float[] vector, int k, SearchFilter filter) {
        VectorIndex.validateQuery(dimension, vector, k);
        Query query = new KnnFloatVectorQuery(VECTOR, indexable(vector), Math.max(k, MIN_CANDIDATES),
                filterQuery(scope, filter));
        return search(query, k);
    }

    @Override
    public List<IndexHit> textSearch(SearchScope scope, String text, int k, SearchFilter filter) {
        VectorIndex.validateK(k);
        Set<String> terms = analyze(text == null ? "" : text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        for (String term : terms) {
            matches.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), TITLE_WEIGHT), Occur.SHOULD);
            matches.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(matches.build(), Occur.MUST)
                .add(filterQuery(scope, filter), Occur.FILTER)
                .build();
        return search(query, k);
    }

    /**
     * Reads the chunks' stored vectors rather than searching the graph: the filter narrows to the
     * chunk ids of the named documents (a few per passage), whose keys alone are read back to drop
     * the pairs not asked for. Scores come from the scorer Lucene's exact kNN search uses.
     */
    @Override
    public Map<ChunkRef, Double> similarities(SearchScope scope, float[] vector, Collection<ChunkRef> chunks) {
        VectorIndex.validateQuery(dimension, vector, 1);
        if (chunks.isEmpty()) {
            return Map.of();
        }
        Set<ChunkRef> wanted = Set.copyOf(chunks);
        Set<String> documentIds = ChunkRef.documentIds(wanted);
        Set<String> chunkIds = ChunkRef.chunkIds(wanted);
        Query filter = new BooleanQuery.Builder()
                .add(filterQuery(scope, new SearchFilter(documentIds, Set.of(), Set.of())), Occur.FILTER)
                .add(new TermInSetQuery(CHUNK_ID, bytes(chunkIds)), Occur.FILTER)
                .build();
        float[] target = indexable(vector);
        return read(searcher -> {
            Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Map<ChunkRef, Double> similarities = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer matches = weight.scorer(leaf);
                FloatVectorValues vectors = leaf.reader().getFloatVectorValues(VECTOR);
                if (matches == null || vectors == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                VectorScorer scorer = vectors.scorer(target);
                DocIdSetIterator withVector = scorer.iterator();
                DocIdSetIterator docs = matches.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document keys = stored.document(doc, KEY_FIELDS);
                    ChunkRef ref = new ChunkRef(DocumentRef.of(keys.get(TENANT), keys.get(KNOWLEDGE_BASE),
                            keys.get(DOCUMENT_ID)), keys.get(CHUNK_ID));
                    if (wanted.contains(ref) && withVector.advance(doc) == doc) {
                        similarities.put(ref, (double) scorer.score());
                    }
                }
            }
            return similarities;
        });
    }

    @Override
    public long count(SearchScope scope) {
        return read(searcher -> (long) searcher.count(filterQuery(scope, SearchFilter.none())));
    }

    @Override
    public void close() {
        try {
            writer.commit();
            searchers.close();
            searchThreads.shutdown();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to close the embedded index", e);
        }
    }

    private static ExecutorService searchThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "ragfn-lucene-search-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private List<IndexHit> search(Query query, int k) {
        return read(searcher -> {
            TopDocs top = searcher.search(query, k);
            StoredFields stored = searcher.storedFields();
            List<IndexHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                hits.add(toHit(stored.document(scoreDoc.doc), scoreDoc.score));
            }
            return hits;
        });
    }

    private static Query filterQuery(SearchScope scope, SearchFilter filter) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TENANT, scope.tenant())), Occur.FILTER)
                .add(new TermInSetQuery(KNOWLEDGE_BASE, bytes(scope.knowledgeBases())), Occur.FILTER);
        if (!filter.documentIds().isEmpty()) {
            b.add(new TermInSetQuery(DOCUMENT_ID, bytes(filter.documentIds())), Occur.FILTER);
        }
        if (!filter.sources().isEmpty()) {
            b.add(new TermInSetQuery(SOURCE, bytes(filter.sources())), Occur.FILTER);
        }
        if (!filter.tags().isEmpty()) {
            b.add(new TermInSetQuery(TAGS, bytes(filter.tags())), Occur.FILTER);
        }
        if (filter.hasDateBound()) {
            long from = filter.from() == null ? Long.MIN_VALUE : filter.from().toEpochMilli();
            long until = filter.until() == null ? Long.MAX_VALUE : filter.until().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(DATE, from, until), Occur.FILTER);
        }
        return b.build();
    }

    private static BooleanQuery.Builder documentQuery(DocumentRef document) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TENANT, document.tenant())), Occur.FILTER)
                .add(new TermQuery(new Term(KNOWLEDGE_BASE, document.knowledgeBase().knowledgeBase())), Occur.FILTER)
                .add(new TermQuery(new Term(DOCUMENT_ID, document.documentId())), Occur.FILTER);
    }

    private Document toLucene(IndexedChunk chunk) throws JsonProcessingException {
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.storedId(), Field.Store.NO));
        doc.add(new LongPoint(VERSION, chunk.version()));
        doc.add(new StoredField(VERSION, chunk.version()));
        doc.add(new StringField(TENANT, chunk.document().tenant(), Field.Store.YES));
        doc.add(new StringField(KNOWLEDGE_BASE, chunk.document().knowledgeBase().knowledgeBase(), Field.Store.YES));
        doc.add(new StringField(DOCUMENT_ID, chunk.document().documentId(), Field.Store.YES));
        doc.add(new StringField(CHUNK_ID, chunk.chunkId(), Field.Store.YES));
        doc.add(new StoredField(POSITION, chunk.position()));
        doc.add(new TextField(TITLE, chunk.title(), Field.Store.YES));
        doc.add(new TextField(TEXT, chunk.searchText(), Field.Store.NO));
        doc.add(new StoredField(BODY, chunk.text()));
        for (String heading : chunk.headingPath()) {
            doc.add(new StoredField(HEADINGS, heading));
        }
        doc.add(new StringField(SOURCE, chunk.source(), Field.Store.YES));
        for (String tag : chunk.tags()) {
            doc.add(new StringField(TAGS, tag, Field.Store.YES));
        }
        doc.add(new StoredField(METADATA, Json.mapper().writeValueAsString(chunk.metadata())));
        if (chunk.date() != null) {
            doc.add(new LongPoint(DATE, chunk.date().toEpochMilli()));
        }
        doc.add(new KnnFloatVectorField(VECTOR, indexable(chunk.vector()), similarity));
        return doc;
    }

    /** Unit length for the dot product, so that its score is the cosine's, (1 + cos) / 2; models mostly give that already. */
    private float[] indexable(float[] vector) {
        if (similarity != VectorSimilarityFunction.DOT_PRODUCT || VectorUtil.isUnitVector(vector)) {
            return vector;
        }
        return VectorUtil.l2normalize(vector.clone());
    }

    private static IndexHit toHit(Document doc, float score) throws IOException {
        DocumentRef ref = DocumentRef.of(doc.get(TENANT), doc.get(KNOWLEDGE_BASE), doc.get(DOCUMENT_ID));
        Map<String, String> metadata = Json.mapper().readValue(doc.get(METADATA), STRING_MAP);
        String body = doc.get(BODY);
        return LegacyForms.hit(new IndexHit(ref, doc.get(CHUNK_ID), doc.getField(POSITION).numericValue().intValue(),
                doc.get(TITLE), body != null ? body : doc.get(TEXT), List.of(doc.getValues(HEADINGS)), doc.get(SOURCE),
                List.of(doc.getValues(TAGS)), metadata, score));
    }

    private Set<String> analyze(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static List<BytesRef> bytes(Collection<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    private interface IndexRead<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Leaves the reopen to the next search (near-real-time, so every write is visible to the
     * searches after it). A write that ends a document's write ({@code durable}) commits before
     * returning, so what a caller was told is written survives a crash. Commits are shared (group
     * commit): a writer that finds a commit running waits for it, and the next commit covers every
     * write finished by then, so concurrent writers pay for one fsync instead of one each.
     */
    private void write(String what, boolean durable, IndexWrite action) {
        try {
            action.run();
            long mine = finishedWrites.incrementAndGet();
            if (!durable) {
                return;
            }
            synchronized (commitLock) {
                if (committedWrites >= mine) {
                    return;
                }
                long covered = finishedWrites.get();
                writer.commit();
                committedWrites = covered;
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Failed to " + what + " in the embedded index: " + e.getMessage(), e);
        }
    }

    private <T> T read(IndexRead<T> action) {
        try {
            // Cheap when nothing changed; takes the refresh lock, so no search misses a finished write.
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Failed to search the embedded index: " + e.getMessage(), e);
        }
    }
}
