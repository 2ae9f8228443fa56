package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Summary;
import dev.ragfn.store.SummaryChecks;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/**
 * Table {prefix}summaries: partition "tenant#scope", sort key the window as two zero-padded epoch
 * milliseconds ("start#end"), so a query on the sort key finds a scope's summaries by time. Beside them,
 * partition "#scopes#tenant" holds one item per scope of the tenant, sort key the scope's name, so the
 * scopes are one query away instead of a scan of every tenant's partitions.
 */
public final class SummaryItem {

    public static final TableSchema<SummaryItem> SCHEMA = StaticTableSchema.builder(SummaryItem.class)
            .newItemSupplier(SummaryItem::new)
            .addAttribute(String.class, a -> a.name("scopeKey").getter(i -> i.scopeKey).setter((i, v) -> i.scopeKey = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("window").getter(i -> i.window).setter((i, v) -> i.window = v)
                    .tags(primarySortKey()))
            .addAttribute(Instant.class, a -> a.name("windowStart").getter(i -> i.windowStart).setter((i, v) -> i.windowStart = v))
            .addAttribute(Instant.class, a -> a.name("windowEnd").getter(i -> i.windowEnd).setter((i, v) -> i.windowEnd = v))
            .addAttribute(String.class, a -> a.name("reportJson").getter(i -> i.reportJson).setter((i, v) -> i.reportJson = v))
            .addAttribute(String.class, a -> a.name("reportMarkdown").getter(i -> i.reportMarkdown)
                    .setter((i, v) -> i.reportMarkdown = v))
            .addAttribute(Instant.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .build();

    private String scopeKey;
    String window;
    private Instant windowStart;
    private Instant windowEnd;
    private String reportJson;
    private String reportMarkdown;
    private Instant createdAt;

    static String scopeKey(String tenant, String scope) {
        return tenant + Keys.SEP + scope;
    }

    /** No tenant starts with '#' (see Ids), so no summary's partition is a tenant's scopes partition. */
    static String scopesKey(String tenant) {
        return Keys.SEP + "scopes" + Keys.SEP + tenant;
    }

    /** The item that lists the summary's scope among its tenant's scopes. */
    static SummaryItem scopeOf(Summary s) {
        SummaryItem item = new SummaryItem();
        item.scopeKey = scopesKey(s.tenant());
        item.window = s.scope();
        return item;
    }

    static SummaryItem from(Summary s) {
        SummaryItem item = new SummaryItem();
        item.scopeKey = scopeKey(s.tenant(), s.scope());
        item.window = SummaryChecks.windowKey(s.windowStart(), s.windowEnd());
        item.windowStart = s.windowStart();
        item.windowEnd = s.windowEnd();
        item.reportJson = s.reportJson();
        item.reportMarkdown = s.reportMarkdown();
        item.createdAt = s.createdAt();
        return item;
    }

    Summary toDomain() {
        // Tenants cannot contain '#' (see Ids), so the first one ends the tenant.
        String[] parts = scopeKey.split(Keys.SEP, 2);
        return new Summary(parts[0], parts[1], windowStart, windowEnd, reportJson, reportMarkdown, createdAt);
    }
}
