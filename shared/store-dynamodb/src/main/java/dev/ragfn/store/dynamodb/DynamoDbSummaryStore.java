package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.DocumentPage;
import dev.ragfn.core.port.ScopePage;
import dev.ragfn.core.port.SummaryPage;
import dev.ragfn.core.port.SummaryQuery;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.store.SummaryChecks;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.ragfn.store.dynamodb.DynamoDbTables.call;
import static dev.ragfn.store.dynamodb.DynamoDbTables.createIfMissing;

/**
 * The summary store on DynamoDB. A conditional put makes storing idempotent per window even when
 * two invocations race: the loser reads back the winner's summary.
 */
public final class DynamoDbSummaryStore implements SummaryStore {

    private final DynamoDbClient client;
    private final DynamoDbClients.Lease lease;
    private final DynamoDbTable<SummaryItem> summaries;

    public DynamoDbSummaryStore(DynamoDbClient client, String tablePrefix) {
        this(DynamoDbClients.Lease.borrowed(client), tablePrefix);
    }

    private DynamoDbSummaryStore(DynamoDbClients.Lease lease, String tablePrefix) {
        this.lease = lease;
        this.client = lease.client();
        this.summaries = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build()
                .table(tablePrefix + "summaries", SummaryItem.SCHEMA);
    }

    /** A store on the process's shared client for {@code ragfn.dynamodb.*}, given back when the store closes. */
    public static DynamoDbSummaryStore create(RagfnConfig.DynamoDb config) {
        DynamoDbSummaryStore store = new DynamoDbSummaryStore(DynamoDbClients.lease(config), config.tablePrefix());
        if (config.createTables()) {
            store.createTableIfMissing();
        }
        return store;
    }

    /** Creates the table where missing and waits until it is active. */
    public void createTableIfMissing() {
        createIfMissing(client, summaries.tableName(), summaries::createTable);
    }

    @Override
    public Summary putIfAbsent(Summary summary) {
        SummaryChecks.checkSummary(summary);
        String what = "store the summary of " + summary.tenant() + "/" + summary.scope() + " for "
                + summary.windowStart() + ".." + summary.windowEnd();
        Summary stored = storeOnce(summary, what);
        // After the summary, so a listed scope has one; a redelivery after a failure here lists it then.
        call("record the scope of " + summary.tenant() + "/" + summary.scope(), () -> summaries.putItem(SummaryItem.scopeOf(summary)));
        return stored;
    }

    private Summary storeOnce(Summary summary, String what) {
        return call(what, () -> {
            try {
                summaries.putItem(PutItemEnhancedRequest.builder(SummaryItem.class)
                        .item(SummaryItem.from(summary))
                        .conditionExpression(Expression.builder()
                                .expression("attribute_not_exists(scopeKey)")
                                .build())
                        .build());
                return summary;
            } catch (ConditionalCheckFailedException exists) {
                // Summaries are never deleted, so the one that won the race is there to read.
                return find(summary.tenant(), summary.scope(), summary.windowStart(), summary.windowEnd())
                        .orElseThrow(() -> new StoreUnavailableException("Failed to " + what
                                + ": DynamoDB reported it stored but it cannot be read back; retry"));
            }
        });
    }

    @Override
    public Optional<Summary> find(String tenant, String scope, Instant windowStart, Instant windowEnd) {
        Key key = Key.builder().partitionValue(SummaryItem.scopeKey(tenant, scope))
                .sortValue(SummaryChecks.windowKey(windowStart, windowEnd)).build();
        return call("read the summary of " + tenant + "/" + scope, () -> Optional.ofNullable(
                summaries.getItem(r -> r.key(key).consistentRead(true))).map(SummaryItem::toDomain));
    }

    @Override
    public List<Summary> list(String tenant, String scope, Instant from, Instant to) {
        String partition = SummaryItem.scopeKey(tenant, scope);
        // "start#end" sorts after the bare start, so [from, to) is between from and the bare to.
        QueryConditional range = QueryConditional.sortBetween(
                Key.builder().partitionValue(partition).sortValue(SummaryChecks.millis(from)).build(),
                Key.builder().partitionValue(partition).sortValue(SummaryChecks.millis(to)).build());
        return call("list the summaries of " + tenant + "/" + scope, () -> summaries
                .query(r -> r.queryConditional(range).consistentRead(true))
                .items().stream().map(SummaryItem::toDomain).toList());
    }

    @Override
    public SummaryPage page(String tenant, String scope, SummaryQuery query) {
        String partition = SummaryItem.scopeKey(tenant, scope);
        // Both ends are inclusive: no window key equals a bare start, and the cursor's own summary is skipped.
        QueryConditional range = QueryConditional.sortBetween(
                Key.builder().partitionValue(partition).sortValue(SummaryChecks.millis(query.from())).build(),
                Key.builder().partitionValue(partition).sortValue(SummaryChecks.pageUpperKey(query)).build());
        return call("list the summaries of " + tenant + "/" + scope, () -> SummaryPage.of(summaries
                .query(r -> r.queryConditional(range).scanIndexForward(false).consistentRead(true)
                        .limit(Math.min(query.limit() + 1, DocumentPage.MAX_LIMIT)))
                .items().stream()
                .filter(item -> !item.window.equals(query.after()) && query.lengthMatches(item.window))
                .limit(query.limit() + 1L).map(SummaryItem::toDomain).toList(), query.limit()));
    }

    @Override
    public ScopePage scopes(String tenant, String after, int limit) {
        DocumentPage.validateLimit(limit);
        String partition = SummaryItem.scopesKey(tenant);
        QueryConditional range = after == null ? QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build())
                : QueryConditional.sortGreaterThan(Key.builder().partitionValue(partition)
                        .sortValue(SummaryChecks.scope("after", after)).build());
        return call("list the summary scopes of " + tenant, () -> ScopePage.of(summaries
                .query(r -> r.queryConditional(range).consistentRead(true).limit(Math.min(limit + 1, DocumentPage.MAX_LIMIT)))
                .items().stream().limit(limit + 1L).map(item -> item.window).toList(), limit));
    }

    @Override
    public void close() {
        lease.close();
    }
}
