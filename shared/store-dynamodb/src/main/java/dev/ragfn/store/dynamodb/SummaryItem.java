package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Summary;
import dev.ragfn.store.SummaryChecks;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.time.Instant;

/**
 * Table {prefix}summaries: partition "tenant#scope", sort key the window as two zero-padded epoch
 * milliseconds ("start#end"), so a query on the sort key finds a scope's summaries by time. Beside them,
 * partition "#scopes#tenant" holds one item per scope of the tenant, sort key the scope's name, so the
 * scopes are one query away instead of a scan of every tenant's partitions.
 */
@DynamoDbBean
public class SummaryItem {

    private String scopeKey;
    private String window;
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

    @DynamoDbPartitionKey
    public String getScopeKey() {
        return scopeKey;
    }

    public void setScopeKey(String scopeKey) {
        this.scopeKey = scopeKey;
    }

    @DynamoDbSortKey
    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(Instant windowStart) {
        this.windowStart = windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public void setWindowEnd(Instant windowEnd) {
        this.windowEnd = windowEnd;
    }

    public String getReportJson() {
        return reportJson;
    }

    public void setReportJson(String reportJson) {
        this.reportJson = reportJson;
    }

    public String getReportMarkdown() {
        return reportMarkdown;
    }

    public void setReportMarkdown(String reportMarkdown) {
        this.reportMarkdown = reportMarkdown;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
