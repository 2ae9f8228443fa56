package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.ConversionPage;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentPage;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedLocalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The conversion store on DynamoDB. A DynamoDB item holds at most 400 KB, and a pattern (a zip, so
 * already compressed) or a report (JSON, stored gzipped) may be larger: both are cut into slices of
 * {@value #PART_BYTES} bytes in the parts table, written before the conversion is marked DONE and read
 * back by the count the conversion item records. Starting is a conditional put on the version, so two
 * deliveries of one request never both run it.
 */
public final class DynamoDbConversionStore implements ConversionStore {

    /** Under 400 KB with the keys and attribute names, and few enough items for a large pattern. */
    static final int PART_BYTES = 350_000;

    private final DynamoDbClient client;
    private final DynamoDbClients.Lease lease;
    private final DynamoDbTable<ConversionItem> conversions;
    private final DynamoDbTable<ConversionPartItem> parts;

    public DynamoDbConversionStore(DynamoDbClient client, String tablePrefix) {
        this(DynamoDbClients.Lease.borrowed(client), tablePrefix);
    }

    private DynamoDbConversionStore(DynamoDbClients.Lease lease, String tablePrefix) {
        this.lease = lease;
        this.client = lease.client();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.conversions = enhanced.table(tablePrefix + "conversions", ConversionItem.SCHEMA);
        this.parts = enhanced.table(tablePrefix + "conversion-parts", ConversionPartItem.SCHEMA);
    }

    /** A store on the process's shared client for {@code ragfn.dynamodb.*}, given back when the store closes. */
    public static DynamoDbConversionStore create(RagfnConfig.DynamoDb config) {
        DynamoDbConversionStore store = new DynamoDbConversionStore(DynamoDbClients.lease(config), config.tablePrefix());
        if (config.createTables()) {
            store.createTablesIfMissing();
        }
        return store;
    }

    /** Creates the tables where missing and waits until they are active. */
    public void createTablesIfMissing() {
        DynamoDbTables.createIfMissing(client, conversions.tableName(), () -> conversions.createTable(CreateTableEnhancedRequest.builder()
                .localSecondaryIndices(EnhancedLocalSecondaryIndex.create(ConversionItem.BY_CREATION,
                        Projection.builder().projectionType(ProjectionType.ALL).build()))
                .build()));
        DynamoDbTables.createIfMissing(client, parts.tableName(), parts::createTable);
    }

    @Override
    public Conversion submit(Conversion requested) {
        Conversion first = requested.withVersion(1);
        try {
            DynamoDbTables.call("store conversion " + first.id() + " of " + first.tenant(), () -> conversions.putItem(
                    PutItemEnhancedRequest.builder(ConversionItem.class).item(ConversionItem.from(first, 0, 0))
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(tenant)").build())
                            .build()));
            return first;
        } catch (ConditionalCheckFailedException exists) {
            return find(requested.tenant(), requested.id()).orElseThrow(() -> new StoreUnavailableException(
                    "conversion " + requested.id() + " of " + requested.tenant() + " was there and is gone; retry"));
        }
    }

    @Override
    public Optional<Conversion> find(String tenant, String id) {
        return item(tenant, id).map(ConversionItem::toDomain);
    }

    private Optional<ConversionItem> item(String tenant, String id) {
        return DynamoDbTables.call("read conversion " + id + " of " + tenant, () -> Optional.ofNullable(
                conversions.getItem(r -> r.key(key(tenant, id)).consistentRead(true))));
    }

    @Override
    public ConversionPage list(String tenant, String after, int limit) {
        DocumentPage.validateLimit(limit);
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(tenant).build()))
                .scanIndexForward(false).consistentRead(true).limit(Math.min(limit + 1, DocumentPage.MAX_LIMIT));
        if (ConversionPage.checkedCursor("after", after) != null) {
            // The cursor is the index's sort key: a place to start from, whether or not its conversion is there.
            query.exclusiveStartKey(Map.of("tenant", AttributeValue.fromS(tenant),
                    "conversionId", AttributeValue.fromS(ConversionPage.idPart(after)), "created", AttributeValue.fromS(after)));
        }
        return DynamoDbTables.call("list the conversions of " + tenant, () -> ConversionPage.of(
                conversions.index(ConversionItem.BY_CREATION).query(query.build()).stream()
                        .flatMap(page -> page.items().stream()).limit(limit + 1L)
                        .map(ConversionItem::toDomain).toList(), limit));
    }

    @Override
    public Optional<Conversion> start(String tenant, String id, Instant now, Duration stale) {
        ConversionItem stored = item(tenant, id).orElseThrow(() -> ConversionStore.unknown(tenant, id));
        Conversion conversion = stored.toDomain();
        if (!ConversionStore.startable(conversion, now, stale)) {
            return Optional.empty();
        }
        try {
            return Optional.of(put(conversion.running(now), stored));
        } catch (ConditionalCheckFailedException anotherDeliveryFirst) {
            return Optional.empty();
        }
    }

    @Override
    public Conversion finish(String tenant, String id, String patternName, String reportJson, byte[] patternZip,
                             Instant now) {
        ConversionItem stored = item(tenant, id).orElseThrow(() -> ConversionStore.unknown(tenant, id));
        int reportParts = writeParts(blob(tenant, id, "report"), gzip(reportJson.getBytes(StandardCharsets.UTF_8)));
        int patternParts = writeParts(blob(tenant, id, "pattern"), patternZip);
        stored.reportParts = reportParts;
        stored.patternParts = patternParts;
        return putOwned(stored.toDomain().done(patternName, now), stored);
    }

    @Override
    public Conversion fail(String tenant, String id, String reason, Instant now) {
        ConversionItem stored = item(tenant, id).orElseThrow(() -> ConversionStore.unknown(tenant, id));
        return putOwned(stored.toDomain().failed(reason, now), stored);
    }

    @Override
    public Optional<String> report(String tenant, String id) {
        return done(tenant, id).map(item -> new String(gunzip(readParts(blob(tenant, id, "report"),
                item.reportParts)), StandardCharsets.UTF_8));
    }

    @Override
    public Optional<byte[]> patternZip(String tenant, String id) {
        return done(tenant, id).map(item -> readParts(blob(tenant, id, "pattern"), item.patternParts));
    }

    @Override
    public void close() {
        lease.close();
    }

    private Optional<ConversionItem> done(String tenant, String id) {
        return item(tenant, id).filter(item -> item.toDomain().status() == Conversion.Status.DONE);
    }

    /** Writes {@code next} over {@code stored} if nobody wrote it since it was read. */
    private Conversion put(Conversion next, ConversionItem stored) {
        Conversion versioned = next.withVersion(stored.version + 1);
        DynamoDbTables.call("store conversion " + next.id() + " of " + next.tenant(), () -> conversions.putItem(
                PutItemEnhancedRequest.builder(ConversionItem.class)
                        .item(ConversionItem.from(versioned, stored.reportParts, stored.patternParts))
                        .conditionExpression(Expression.builder().expression("#v = :v")
                                .putExpressionName("#v", "version")
                                .putExpressionValue(":v", AttributeValue.fromN(Long.toString(stored.version)))
                                .build())
                        .build()));
        return versioned;
    }

    /** The end of a run: a write in between (a retry that took the conversion over) is worth retrying, not overwriting. */
    private Conversion putOwned(Conversion next, ConversionItem stored) {
        try {
            return put(next, stored);
        } catch (ConditionalCheckFailedException changed) {
            throw new StoreUnavailableException("conversion " + next.id() + " of " + next.tenant()
                    + " changed while it was being stored; retry", changed);
        }
    }

    /** Slices {@code bytes} into the parts table; returns how many. A rerun overwrites the slices it writes again. */
    private int writeParts(String blob, byte[] bytes) {
        int count = Math.max(1, (bytes.length + PART_BYTES - 1) / PART_BYTES);
        for (int i = 0; i < count; i++) {
            byte[] slice = Arrays.copyOfRange(bytes, i * PART_BYTES, Math.min(bytes.length, (i + 1) * PART_BYTES));
            int part = i;
            DynamoDbTables.call("store part " + part + " of " + blob, () -> parts.putItem(ConversionPartItem.of(blob, part, slice)));
        }
        return count;
    }

    private byte[] readParts(String blob, int count) {
        List<ConversionPartItem> slices = DynamoDbTables.call("read " + blob, () -> parts.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(blob).build()))
                        .consistentRead(true).build())
                .items().stream().limit(count).toList());
        if (slices.size() != count) {
            throw new StoreUnavailableException("the conversion parts table holds " + slices.size() + " of the " + count
                    + " parts of " + blob);
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        slices.forEach(slice -> whole.writeBytes(slice.bytes.asByteArray()));
        return whole.toByteArray();
    }

    private static String blob(String tenant, String id, String what) {
        return tenant + "/" + id + "/" + what;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to compress a conversion report", e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return gz.readAllBytes();
        } catch (IOException e) {
            throw new StoreUnavailableException("the conversion parts table holds an unreadable report: " + e.getMessage(), e);
        }
    }

    private static Key key(String tenant, String id) {
        return Key.builder().partitionValue(tenant).sortValue(id).build();
    }
}
