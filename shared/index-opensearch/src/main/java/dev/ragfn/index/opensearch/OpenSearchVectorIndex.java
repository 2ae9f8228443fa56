package dev.ragfn.index.opensearch;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.ChunkKey;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import org.jboss.logging.Logger;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.util.ObjectBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The vector/text index on OpenSearch: one index for all tenants, with a knn_vector field (HNSW,
 * lucene engine, cosine) and English-analysed text for BM25. Tenant and knowledge base are keyword
 * fields, put into every query as filter clauses so isolation is enforced by the engine.
 *
 * <p>On OpenSearch Serverless ({@code aws-service=aoss}) a vector collection assigns document ids
 * itself and offers no refresh, nor shard and replica settings: chunks are then indexed without an
 * id after their previous copies are deleted, and writes become searchable when the collection
 * refreshes on its own.
 */
public final class OpenSearchVectorIndex implements VectorIndex {

    static final String TENANT = "tenant";
    static final String KNOWLEDGE_BASE = "knowledge_base";
    static final String DOCUMENT_ID = "document_id";
    static final String CHUNK_ID = "chunk_id";
    static final String POSITION = "position";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String HEADING_PATH = "heading_path";
    static final String SOURCE = "source";
    static final String TAGS = "tags";
    static final String METADATA = "metadata";
    static final String VECTOR = "vector";
    static final String DATE = "date";
    static final String VERSION = "version";

    /**
     * Each heading is also copied into the text field, so BM25 ranks a chunk's search text (heading
     * path, then text) as when the path was written into the text, without it in the _source text.
     */
    private static final Function<Property.Builder, ObjectBuilder<Property>> HEADING_PATH_PROPERTY =
            p -> p.keyword(k -> k.copyTo(TEXT));
    /** Stored as epoch milliseconds, so range filters compare numbers. */
    private static final Function<Property.Builder, ObjectBuilder<Property>> DATE_PROPERTY =
            p -> p.date(d -> d.format("epoch_millis"));
    private static final Logger LOG = Logger.getLogger(OpenSearchVectorIndex.class);
    /** Bulk requests of this many chunks stay well under OpenSearch's default 100 MB request limit. */
    private static final int BULK_SIZE = 500;
    private static final int DELETE_PAGE = 1_000;
    /** The most hits a search may ask for: OpenSearch's default index.max_result_window. */
    private static final int MAX_K = 10_000;

    private final OpenSearchClient client;
    private final String indexName;
    private final int dimension;
    private final int efSearch;
    private final boolean serverless;

    public OpenSearchVectorIndex(OpenSearchClient client, String indexName, int dimension, int shards, int replicas,
                                 int efSearch, boolean serverless) {
        this.client = client;
        this.indexName = indexName;
        this.dimension = dimension;
        this.efSearch = efSearch;
        this.serverless = serverless;
        ensureIndex(shards, replicas);
    }

    /** An index with its own client, configured from {@code ragfn.opensearch.*}. */
    public static OpenSearchVectorIndex create(RagfnConfig.OpenSearch config, int dimension) {
        return create(config, client(config), dimension);
    }

    /** An index over the given client (an AWS-signed one with injected credentials, in tests). */
    public static OpenSearchVectorIndex create(RagfnConfig.OpenSearch config, OpenSearchClient client, int dimension) {
        boolean serverless = OpenSearchClients.auth(config) == RagfnConfig.OpenSearchAuth.AWS_SIGV4
                && config.awsService() == RagfnConfig.AwsService.AOSS;
        return new OpenSearchVectorIndex(client, config.indexName(), dimension, config.shards(), config.replicas(),
                config.efSearch(), serverless);
    }

    public static OpenSearchClient client(RagfnConfig.OpenSearch config) {
        return OpenSearchClients.create(config);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void upsert(List<IndexedChunk> chunks) {
        VectorIndex.validateBatch(dimension, chunks);
        for (int from = 0; from < chunks.size(); from += BULK_SIZE) {
            List<IndexedChunk> slice = chunks.subList(from, Math.min(chunks.size(), from + BULK_SIZE));
            if (serverless) {
                deletePreviousCopies(slice);
            }
            List<BulkOperation> operations = new ArrayList<>(slice.size());
            for (IndexedChunk chunk : slice) {
                operations.add(BulkOperation.of(op -> op.index(i -> {
                    i.index(indexName).document(OpenSearchChunk.from(chunk));
                    return serverless ? i : i.id(id(chunk));
                })));
            }
            bulk("index " + slice.size() + " chunks", operations);
        }
    }

    /** Without ids of our own, replacing a chunk means deleting the copies stored under its chunk id first. */
    private void deletePreviousCopies(List<IndexedChunk> slice) {
        // A version's chunks replace only that version's copies: older versions stay until retired.
        record Version(DocumentRef document, long version) {
        }
        Map<Version, List<String>> chunkIds = new LinkedHashMap<>();
        for (IndexedChunk chunk : slice) {
            chunkIds.computeIfAbsent(new Version(chunk.document(), chunk.version()), v -> new ArrayList<>())
                    .add(chunk.chunkId());
        }
        chunkIds.forEach((v, ids) -> deleteWhere("replace chunks of " + v.document(),
                documentQuery(v.document()).filter(terms(CHUNK_ID, ids))
                        .filter(Query.of(q -> q.term(t -> t.field(VERSION).value(FieldValue.of(v.version()))))).build()));
    }

    private void bulk(String what, List<BulkOperation> operations) {
        // Serverless refuses the refresh parameter: it makes writes searchable on its own schedule.
        BulkResponse response = call(what, () -> client.bulk(b -> serverless ? b.operations(operations)
                : b.operations(operations).refresh(Refresh.True)));
        if (response.errors()) {
            throw new StoreUnavailableException("OpenSearch refused chunks of the batch to " + what + ": "
                    + firstError(response));
        }
    }

    @Override
    public void deleteDocument(DocumentRef document) {
        deleteWhere("delete document " + document, documentQuery(document).build());
    }

    /** Chunks indexed before versions have no version field and count as older than any version. */
    @Override
    public void retireVersionsBefore(DocumentRef document, long version) {
        BoolQuery.Builder stale = documentQuery(document)
                .should(Query.of(q -> q.range(r -> r.field(VERSION).lt(JsonData.of(version)))))
                .should(Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(VERSION))))))
                .minimumShouldMatch("1");
        deleteWhere("retire old chunks of " + document, stale.build());
    }

    @Override
    public List<ChunkKey> chunkKeys(KnowledgeBaseRef knowledgeBase) {
        return keys("list chunks of " + knowledgeBase, new BoolQuery.Builder()
                .filter(term(TENANT, knowledgeBase.tenant()))
                .filter(term(KNOWLEDGE_BASE, knowledgeBase.knowledgeBase())).build());
    }

    @Override
    public List<ChunkKey> chunkKeys(DocumentRef document) {
        return keys("list chunks of " + document, documentQuery(document).build());
    }

    /** Pages with search_after over (document, version, chunk), which identify a chunk, so no page repeats or skips one. */
    private List<ChunkKey> keys(String what, BoolQuery query) {
        List<ChunkKey> keys = new ArrayList<>();
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> from = after;
            var page = call(what, () -> client.search(s -> {
                s.index(indexName).query(q -> q.bool(query)).size(DELETE_PAGE)
                        .source(src -> src.filter(f -> f.includes(TENANT, KNOWLEDGE_BASE, DOCUMENT_ID, CHUNK_ID, VERSION)))
                        .sort(o -> o.field(f -> f.field(DOCUMENT_ID)))
                        .sort(o -> o.field(f -> f.field(VERSION).missing(FieldValue.of(0))))
                        .sort(o -> o.field(f -> f.field(CHUNK_ID)));
                return from.isEmpty() ? s : s.searchAfter(from);
            }, OpenSearchChunkKey.class));
            var hits = page.hits().hits();
            for (Hit<OpenSearchChunkKey> hit : hits) {
                keys.add(hit.source().toKey());
            }
            if (hits.size() < DELETE_PAGE) {
                return keys;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    @Override
    public List<IndexHit> vectorSearch(SearchScope scope, float[] vector, int k, SearchFilter filter) {
        VectorIndex.validateQuery(dimension, vector, k);
        List<Float> target = floats(vector);
        Query knn = Query.of(q -> q.knn(n -> n.field(VECTOR).vector(target).k(k)
                .filter(filterQuery(scope, filter))
                .methodParameters("ef_search", JsonData.of(Math.max(efSearch, k)))));
        return search(knn, k);
    }

    @Override
    public List<IndexHit> textSearch(SearchScope scope, String text, int k, SearchFilter filter) {
        VectorIndex.validateK(k);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Query match = Query.of(q -> q.bool(b -> b
                .must(m -> m.multiMatch(mm -> mm.query(text).fields(TITLE + "^" + TITLE_WEIGHT, TEXT).type(TextQueryType.MostFields)))
                .filter(filterQuery(scope, filter))));
        return search(match, k);
    }

    /**
     * A kNN query whose filter leaves only the chunk ids of the named documents (a few per passage),
     * so Lucene scores each exactly rather than through the graph; only their keys come back, and the
     * pairs not asked for are dropped here.
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
        // Every (document, chunk id) pair in each knowledge base, twice for a version not yet retired.
        int k = (int) Math.min(MAX_K, 2L * documentIds.size() * chunkIds.size() * scope.knowledgeBases().size());
        Query filter = Query.of(q -> q.bool(b -> b
                .filter(filterQuery(scope, new SearchFilter(documentIds, Set.of(), Set.of())))
                .filter(terms(CHUNK_ID, chunkIds))));
        Query knn = Query.of(q -> q.knn(n -> n.field(VECTOR).vector(floats(vector)).k(k).filter(filter)
                .methodParameters("ef_search", JsonData.of(Math.max(efSearch, k)))));
        var response = call("score chunks in " + indexName, () -> client.search(s -> s.index(indexName).query(knn)
                .size(k).trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes(TENANT, KNOWLEDGE_BASE, DOCUMENT_ID, CHUNK_ID))),
                OpenSearchChunkKey.class));
        Map<ChunkRef, Double> similarities = new HashMap<>();
        for (Hit<OpenSearchChunkKey> hit : response.hits().hits()) {
            ChunkRef ref = hit.source().ref();
            if (wanted.contains(ref)) {
                similarities.put(ref, hit.score() == null ? 0 : hit.score());
            }
        }
        return similarities;
    }

    @Override
    public long count(SearchScope scope) {
        // A search for the total rather than _count, which Serverless does not list among its operations.
        var response = call("count chunks of " + scope, () -> client.search(s -> s.index(indexName)
                .query(filterQuery(scope, SearchFilter.none())).size(0).trackTotalHits(t -> t.enabled(true)), Void.class));
        return response.hits().total().value();
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            LOG.debugf(e, "closing the OpenSearch transport failed");
        }
    }

    private List<IndexHit> search(Query query, int k) {
        // No total: counting every match (up to 10,000 by default) keeps BM25 from skipping non-competitive blocks.
        SearchRequest request = SearchRequest.of(s -> s.index(indexName).query(query).size(k)
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.excludes(VECTOR))));
        var response = call("search " + indexName, () -> client.search(request, OpenSearchChunk.class));
        List<IndexHit> hits = new ArrayList<>();
        for (Hit<OpenSearchChunk> hit : response.hits().hits()) {
            hits.add(hit.source().toHit(hit.score() == null ? 0 : hit.score()));
        }
        return hits;
    }

    /**
     * Deletes by searching ids and bulk-deleting them, page by page: _delete_by_query needs the
     * reindex module, which minimal distributions and OpenSearch Serverless do not offer. Pages
     * follow the sort key (search_after) rather than re-running the search, since on Serverless
     * deleted chunks stay visible until the collection refreshes.
     */
    private void deleteWhere(String what, BoolQuery query) {
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> from = after;
            var page = call(what, () -> client.search(s -> {
                s.index(indexName).query(q -> q.bool(query)).size(DELETE_PAGE).source(src -> src.fetch(false))
                        .sort(o -> o.field(f -> f.field(DOCUMENT_ID))).sort(o -> o.field(f -> f.field(CHUNK_ID)));
                return from.isEmpty() ? s : s.searchAfter(from);
            }, Void.class));
            var hits = page.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            bulk(what, hits.stream()
                    .map(hit -> BulkOperation.of(op -> op.delete(d -> d.index(indexName).id(hit.id()))))
                    .toList());
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private static Query filterQuery(SearchScope scope, SearchFilter filter) {
        BoolQuery.Builder b = new BoolQuery.Builder()
                .filter(term(TENANT, scope.tenant()))
                .filter(terms(KNOWLEDGE_BASE, scope.knowledgeBases()));
        if (!filter.documentIds().isEmpty()) {
            b.filter(terms(DOCUMENT_ID, filter.documentIds()));
        }
        if (!filter.sources().isEmpty()) {
            b.filter(terms(SOURCE, filter.sources()));
        }
        if (!filter.tags().isEmpty()) {
            b.filter(terms(TAGS, filter.tags()));
        }
        if (filter.hasDateBound()) {
            b.filter(Query.of(q -> q.range(r -> {
                r.field(DATE);
                if (filter.from() != null) {
                    r.gte(JsonData.of(filter.from().toEpochMilli()));
                }
                if (filter.until() != null) {
                    r.lt(JsonData.of(filter.until().toEpochMilli()));
                }
                return r;
            })));
        }
        return Query.of(q -> q.bool(b.build()));
    }

    private static BoolQuery.Builder documentQuery(DocumentRef document) {
        return new BoolQuery.Builder()
                .filter(term(TENANT, document.tenant()))
                .filter(term(KNOWLEDGE_BASE, document.knowledgeBase().knowledgeBase()))
                .filter(term(DOCUMENT_ID, document.documentId()));
    }

    private static List<Float> floats(float[] vector) {
        List<Float> floats = new ArrayList<>(vector.length);
        for (float v : vector) {
            floats.add(v);
        }
        return floats;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static Query terms(String field, Collection<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }

    /** Creates the index on first use; an existing index must have our vector dimension. */
    private void ensureIndex(int shards, int replicas) {
        boolean exists = call("check index " + indexName, () -> client.indices().exists(e -> e.index(indexName))).value();
        if (exists) {
            checkExistingDimension();
            addLaterFields();
            return;
        }
        try {
            // Serverless sizes shards and replicas itself and refuses these settings.
            client.indices().create(c -> c.index(indexName)
                    .settings(s -> serverless ? s.knn(true) : s.knn(true).numberOfShards(shards).numberOfReplicas(replicas))
                    .mappings(m -> m
                            .properties(TENANT, p -> p.keyword(k -> k))
                            .properties(KNOWLEDGE_BASE, p -> p.keyword(k -> k))
                            .properties(DOCUMENT_ID, p -> p.keyword(k -> k))
                            .properties(CHUNK_ID, p -> p.keyword(k -> k))
                            .properties(POSITION, p -> p.integer(i -> i))
                            .properties(TITLE, p -> p.text(t -> t.analyzer("english")))
                            .properties(TEXT, p -> p.text(t -> t.analyzer("english")))
                            .properties(HEADING_PATH, HEADING_PATH_PROPERTY)
                            .properties(SOURCE, p -> p.keyword(k -> k))
                            .properties(TAGS, p -> p.keyword(k -> k))
                            .properties(METADATA, p -> p.object(o -> o.enabled(false)))
                            .properties(DATE, DATE_PROPERTY)
                            .properties(VERSION, p -> p.long_(l -> l))
                            // engine lucene: the default (faiss) needs a native library this distribution lacks.
                            .properties(VECTOR, p -> p.knnVector(v -> v.dimension(dimension).method(method -> method
                                    .name("hnsw").engine("lucene").spaceType("cosinesimil")
                                    .parameters("m", JsonData.of(16))
                                    .parameters("ef_construction", JsonData.of(128)))))));
            LOG.infof("Created OpenSearch index %s (dimension %d)", indexName, dimension);
        } catch (OpenSearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw new StoreUnavailableException("Failed to create OpenSearch index " + indexName + ": "
                        + e.getMessage(), e);
            }
            checkExistingDimension();
        } catch (IOException e) {
            throw unavailable("create index " + indexName, e);
        }
    }

    /**
     * Indexes created before date filters, versions or heading paths lack those fields; adding a field to a
     * mapping is allowed in place.
     */
    private void addLaterFields() {
        call("add the date, version and heading path fields to " + indexName, () -> client.indices().putMapping(m -> m
                .index(indexName).properties(DATE, DATE_PROPERTY).properties(VERSION, p -> p.long_(l -> l))
                .properties(HEADING_PATH, HEADING_PATH_PROPERTY)));
    }

    private void checkExistingDimension() {
        var mapping = call("read mapping of " + indexName, () -> client.indices().getMapping(g -> g.index(indexName)));
        Property vector = mapping.result().values().iterator().next().mappings().properties().get(VECTOR);
        if (vector == null || !vector.isKnnVector()) {
            throw new ConflictException("OpenSearch index " + indexName + " exists without a knn_vector field '"
                    + VECTOR + "'; point ragfn.opensearch.index-name at another index");
        }
        int existing = vector.knnVector().dimension();
        if (existing != dimension) {
            throw new ConflictException("OpenSearch index " + indexName + " holds vectors of dimension " + existing
                    + " but the embedding model produces " + dimension
                    + "; use another ragfn.opensearch.index-name or re-index");
        }
    }

    private static String firstError(BulkResponse response) {
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null) {
                return item.error().type() + ": " + item.error().reason();
            }
        }
        return "unknown error";
    }

    /** A stable, fixed-length _id: raw ids can be long and contain any character. */
    static String id(IndexedChunk chunk) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(chunk.storedId().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface OpenSearchCall<T> {
        T run() throws IOException;
    }

    private <T> T call(String what, OpenSearchCall<T> action) {
        try {
            return action.run();
        } catch (OpenSearchException e) {
            int status = e.status();
            if (status == 401 || status == 403) {
                throw new StoreUnavailableException("OpenSearch refused ragfn's credentials to " + what + " (HTTP "
                        + status + "): " + e.getMessage() + "; check ragfn.opensearch.auth, the credentials and the"
                        + " role's access to the domain or collection", e);
            }
            if (status == 400) {
                throw new InvalidInputException("OpenSearch rejected the request to " + what + ": " + e.getMessage(), e);
            }
            throw new StoreUnavailableException("Failed to " + what + " in OpenSearch: " + e.getMessage(), e);
        } catch (IOException e) {
            throw unavailable(what, e);
        }
    }

    private StoreUnavailableException unavailable(String what, IOException e) {
        return new StoreUnavailableException("Failed to " + what + ": OpenSearch is unreachable (" + e.getMessage()
                + "); check ragfn.opensearch.url or start it with infra/opensearch.sh start", e);
    }
}
