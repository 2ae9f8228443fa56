package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.DocumentPage;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.store.StoreChecks;
import org.jboss.logging.Logger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static dev.ragfn.store.dynamodb.DynamoDbTables.call;
import static dev.ragfn.store.dynamodb.DynamoDbTables.createIfMissing;

/**
 * The document store on DynamoDB, through the enhanced client. The same code runs against AWS and
 * a local DynamoDB-compatible server; only the endpoint differs. Tables are defined by the item
 * classes and can be created on demand for local use.
 */
public final class DynamoDbDocumentStore implements DocumentStore {

    private static final Logger LOG = Logger.getLogger(DynamoDbDocumentStore.class);
    /** DynamoDB's BatchWriteItem limit. */
    private static final int BATCH_SIZE = 25;
    private static final int MAX_BATCH_RETRIES = 8;
    /** Conditional writes that lose to concurrent writers are retried this often before giving up. */
    private static final int MAX_VERSION_ATTEMPTS = 100;

    private final DynamoDbClient client;
    private final DynamoDbClients.Lease lease;
    private final DynamoDbTable<KnowledgeBaseItem> knowledgeBases;
    private final DynamoDbTable<DocumentItem> documents;
    private final DynamoDbTable<ChunkItem> chunks;
    private final DynamoDbEnhancedClient enhanced;

    public DynamoDbDocumentStore(DynamoDbClient client, String tablePrefix) {
        this(DynamoDbClients.Lease.borrowed(client), tablePrefix);
    }

    private DynamoDbDocumentStore(DynamoDbClients.Lease lease, String tablePrefix) {
        this.lease = lease;
        this.client = lease.client();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.knowledgeBases = enhanced.table(tablePrefix + "knowledge-bases", KnowledgeBaseItem.SCHEMA);
        this.documents = enhanced.table(tablePrefix + "documents", DocumentItem.SCHEMA);
        this.chunks = enhanced.table(tablePrefix + "chunks", ChunkItem.SCHEMA);
    }

    /** A store on the process's shared client for {@code ragfn.dynamodb.*}, given back when the store closes. */
    public static DynamoDbDocumentStore create(RagfnConfig.DynamoDb config) {
        DynamoDbDocumentStore store = new DynamoDbDocumentStore(DynamoDbClients.lease(config), config.tablePrefix());
        if (config.createTables()) {
            store.createTablesIfMissing();
        }
        return store;
    }

    /** Creates the tables and their indexes where missing, and waits until they are active. */
    public void createTablesIfMissing() {
        createIfMissing(client, knowledgeBases.tableName(), knowledgeBases::createTable);
        createIfMissing(client, documents.tableName(), () -> documents.createTable(r -> r.globalSecondaryIndices(
                EnhancedGlobalSecondaryIndex.builder()
                        .indexName(DocumentItem.STATUS_INDEX)
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())));
        createIfMissing(client, chunks.tableName(), chunks::createTable);
    }

    @Override
    public KnowledgeBase createKnowledgeBase(KnowledgeBase knowledgeBase) {
        return call("create knowledge base " + knowledgeBase.ref(), () -> {
            try {
                knowledgeBases.putItem(PutItemEnhancedRequest.builder(KnowledgeBaseItem.class)
                        .item(KnowledgeBaseItem.from(knowledgeBase))
                        .conditionExpression(Expression.builder()
                                .expression("attribute_not_exists(tenant)")
                                .build())
                        .build());
                return knowledgeBase;
            } catch (ConditionalCheckFailedException exists) {
                KnowledgeBase stored = findKnowledgeBase(knowledgeBase.ref()).orElseThrow(() ->
                        new StoreUnavailableException("knowledge base " + knowledgeBase.ref()
                                + " was deleted while being created; retry"));
                return StoreChecks.existingOrConflict(stored, knowledgeBase);
            }
        });
    }

    @Override
    public Optional<KnowledgeBase> findKnowledgeBase(KnowledgeBaseRef ref) {
        return call("read knowledge base " + ref, () -> Optional.ofNullable(knowledgeBases.getItem(r -> r
                .key(key(ref.tenant(), ref.knowledgeBase())).consistentRead(true))).map(KnowledgeBaseItem::toDomain));
    }

    @Override
    public List<KnowledgeBase> listKnowledgeBases(String tenant) {
        return call("list knowledge bases of " + tenant, () -> knowledgeBases
                .query(query(tenant)).items().stream().map(KnowledgeBaseItem::toDomain).toList());
    }

    @Override
    public void deleteKnowledgeBase(KnowledgeBaseRef ref) {
        for (Document document : listDocuments(ref)) {
            deleteDocument(document.ref());
        }
        call("delete knowledge base " + ref, () -> knowledgeBases.deleteItem(key(ref.tenant(), ref.knowledgeBase())));
    }

    @Override
    public void putDocument(Document document) {
        StoreChecks.checkDocument(document);
        if (findKnowledgeBase(document.ref().knowledgeBase()).isEmpty()) {
            throw StoreChecks.unknownKnowledgeBase(document.ref().knowledgeBase());
        }
        call("store document " + document.ref(), () -> {
            documents.putItem(DocumentItem.from(document));
            return null;
        });
    }

    @Override
    public Document putNewVersion(Document document) {
        StoreChecks.checkDocument(document);
        if (findKnowledgeBase(document.ref().knowledgeBase()).isEmpty()) {
            throw StoreChecks.unknownKnowledgeBase(document.ref().knowledgeBase());
        }
        for (int attempt = 0; attempt < MAX_VERSION_ATTEMPTS; attempt++) {
            Optional<Document> current = findDocument(document.ref());
            Document next = document.withVersion(StoreChecks.nextVersion(current.map(Document::version).orElse(0L)));
            Expression condition = current.isEmpty()
                    ? Expression.builder().expression("attribute_not_exists(documentId)").build()
                    : sameVersion(current.get().version());
            try {
                call("store document " + document.ref(), () -> documents.putItem(PutItemEnhancedRequest
                        .builder(DocumentItem.class).item(DocumentItem.from(next)).conditionExpression(condition).build()));
                return next;
            } catch (ConditionalCheckFailedException concurrentWriter) {
                LOG.debugf("Document %s changed while storing a new version; retrying", document.ref());
            }
        }
        throw new StoreUnavailableException("Failed to store a new version of " + document.ref() + ": "
                + MAX_VERSION_ATTEMPTS + " concurrent writers got there first; retry later");
    }

    @Override
    public boolean putIfVersion(Document document) {
        StoreChecks.checkDocument(document);
        try {
            call("store document " + document.ref(), () -> documents.putItem(PutItemEnhancedRequest
                    .builder(DocumentItem.class).item(DocumentItem.from(document))
                    .conditionExpression(sameVersion(document.version())).build()));
            return true;
        } catch (ConditionalCheckFailedException deletedOrReplaced) {
            return false;
        }
    }

    /** The item exists with this version; version 0 also matches items written before versions. */
    private static Expression sameVersion(long version) {
        String expression = version == 0
                ? "attribute_exists(documentId) AND (attribute_not_exists(#v) OR #v = :v)"
                : "attribute_exists(documentId) AND #v = :v";
        return Expression.builder().expression(expression)
                .putExpressionName("#v", "version")
                .putExpressionValue(":v", AttributeValue.fromN(Long.toString(version)))
                .build();
    }

    @Override
    public Optional<Document> findDocument(DocumentRef ref) {
        return call("read document " + ref, () -> Optional.ofNullable(documents.getItem(r -> r
                .key(key(Keys.of(ref.knowledgeBase()), ref.documentId())).consistentRead(true)))
                .map(DocumentItem::toDomain));
    }

    @Override
    public List<Document> listDocuments(KnowledgeBaseRef ref) {
        return call("list documents of " + ref, () -> documents.query(query(Keys.of(ref)))
                .items().stream().map(DocumentItem::toDomain).toList());
    }

    /** Filters on status while reading, and stops reading once the page and one more are there. */
    @Override
    public DocumentPage listDocuments(KnowledgeBaseRef ref, DocumentStatus status, String after, int limit) {
        DocumentPage.validateLimit(limit);
        QueryConditional range = after == null ? query(Keys.of(ref))
                : QueryConditional.sortGreaterThan(key(Keys.of(ref), after));
        return call("list documents of " + ref, () -> DocumentPage.of(documents
                .query(QueryEnhancedRequest.builder().queryConditional(range).consistentRead(true).build())
                .items().stream().map(DocumentItem::toDomain)
                .filter(d -> status == null || d.status() == status)
                .limit(limit + 1L).toList(), limit));
    }

    @Override
    public void deleteDocument(DocumentRef ref) {
        deleteChunkItems(ref, key -> true);
        call("delete document " + ref, () -> documents.deleteItem(key(Keys.of(ref.knowledgeBase()), ref.documentId())));
    }

    /**
     * Chunks cannot be written in one conditional step with the document, so each version writes
     * its own key range, then removes older ones, then looks again: if a newer version arrived
     * meanwhile it removes its own range. Whichever order two writers run in, only the newest
     * version's chunks remain.
     */
    @Override
    public boolean replaceChunks(DocumentRef ref, long version, List<Chunk> newChunks) {
        StoreChecks.checkChunks(ref, newChunks);
        Document document = findDocument(ref).orElseThrow(() -> StoreChecks.unknownDocument(ref));
        if (document.version() != version) {
            return false;
        }
        for (int from = 0; from < newChunks.size(); from += BATCH_SIZE) {
            List<Chunk> slice = newChunks.subList(from, Math.min(newChunks.size(), from + BATCH_SIZE));
            WriteBatch.Builder<ChunkItem> batch = WriteBatch.builder(ChunkItem.class).mappedTableResource(chunks);
            slice.forEach(c -> batch.addPutItem(ChunkItem.from(c, version)));
            writeBatch("store chunks of " + ref, batch.build());
        }
        Set<String> keep = new HashSet<>();
        newChunks.forEach(c -> keep.add(ChunkItem.versionPrefix(version) + c.id()));
        deleteChunkItems(ref, key -> ChunkItem.versionOf(key) < version
                || ChunkItem.versionOf(key) == version && !keep.contains(key));
        Optional<Document> now = findDocument(ref);
        if (now.isPresent() && now.get().version() == version) {
            return true;
        }
        deleteChunkItems(ref, key -> ChunkItem.versionOf(key) == version);
        return false;
    }

    @Override
    public List<Chunk> listChunks(DocumentRef ref) {
        Optional<Document> document = findDocument(ref);
        if (document.isEmpty()) {
            return List.of();
        }
        String prefix = ChunkItem.versionPrefix(document.get().version());
        return call("list chunks of " + ref, () -> {
            List<Chunk> result = new ArrayList<>(chunks.query(QueryEnhancedRequest.builder()
                            .queryConditional(QueryConditional.sortBeginsWith(key(Keys.of(ref), prefix)))
                            .consistentRead(true).build())
                    .items().stream().map(ChunkItem::toDomain).toList());
            result.sort(Comparator.comparingInt(Chunk::position));
            return result;
        });
    }

    @Override
    public Optional<Chunk> findChunk(DocumentRef ref, String chunkId) {
        Optional<Document> document = findDocument(ref);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        String chunkKey = ChunkItem.versionPrefix(document.get().version()) + chunkId;
        return call("read chunk " + chunkId + " of " + ref, () -> Optional.ofNullable(chunks.getItem(r -> r
                .key(key(Keys.of(ref), chunkKey)).consistentRead(true))).map(ChunkItem::toDomain));
    }

    @Override
    public void close() {
        lease.close();
    }

    /** Deletes the document's chunk items whose sort keys {@code doomed} accepts. */
    private void deleteChunkItems(DocumentRef ref, Predicate<String> isDoomed) {
        List<Key> doomed = call("list chunks of " + ref, () -> chunks.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(key(Keys.of(ref))))
                        .attributesToProject("documentKey", "chunkId")
                        .consistentRead(true)
                        .build())
                .items().stream()
                .filter(item -> isDoomed.test(item.chunkKey))
                .map(item -> key(item.documentKey, item.chunkKey))
                .toList());
        for (int from = 0; from < doomed.size(); from += BATCH_SIZE) {
            WriteBatch.Builder<ChunkItem> batch = WriteBatch.builder(ChunkItem.class).mappedTableResource(chunks);
            doomed.subList(from, Math.min(doomed.size(), from + BATCH_SIZE)).forEach(batch::addDeleteItem);
            writeBatch("delete old chunks of " + ref, batch.build());
        }
    }

    /** BatchWriteItem may leave items unprocessed under throttling; retry those with backoff. */
    private void writeBatch(String what, WriteBatch batch) {
        call(what, () -> {
            BatchWriteResult result = enhanced.batchWriteItem(BatchWriteItemEnhancedRequest.builder()
                    .writeBatches(batch).build());
            for (int attempt = 1; hasUnprocessed(result); attempt++) {
                if (attempt > MAX_BATCH_RETRIES) {
                    throw new StoreUnavailableException("Failed to " + what + ": DynamoDB kept items unprocessed after "
                            + MAX_BATCH_RETRIES + " retries; the table is throttled, retry later");
                }
                sleep(Math.min(2_000L, 25L << attempt));
                WriteBatch.Builder<ChunkItem> retry = WriteBatch.builder(ChunkItem.class).mappedTableResource(chunks);
                result.unprocessedPutItemsForTable(chunks).forEach(retry::addPutItem);
                result.unprocessedDeleteItemsForTable(chunks).forEach(retry::addDeleteItem);
                result = enhanced.batchWriteItem(BatchWriteItemEnhancedRequest.builder()
                        .writeBatches(retry.build()).build());
            }
            return null;
        });
    }

    private boolean hasUnprocessed(BatchWriteResult result) {
        return !result.unprocessedPutItemsForTable(chunks).isEmpty()
                || !result.unprocessedDeleteItemsForTable(chunks).isEmpty();
    }

    private static Key key(String partition) {
        return Key.builder().partitionValue(partition).build();
    }

    private static Key key(String partition, String sort) {
        return Key.builder().partitionValue(partition).sortValue(sort).build();
    }

    private static QueryConditional query(String partition) {
        return QueryConditional.keyEqualTo(key(partition));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while retrying a DynamoDB batch", e);
        }
    }
}
