package dev.ragfn.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.ConversionPage;
import dev.ragfn.core.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Table {prefix}conversions: partition tenant, sort key conversion id; the local index by-creation
 * sorts a tenant's conversions by {@code created} (creation time, then id: the list's cursor) for lists. The conversion
 * is one JSON attribute; the version is an attribute of its own for the conditional write; the report
 * and the pattern are in {@link ConversionPartItem}s, {@code reportParts} and {@code patternParts} of
 * them.
 */
@DynamoDbBean
public class ConversionItem {

    static final String BY_CREATION = "by-creation";

    private String tenant;
    private String conversionId;
    private String created;
    private long version;
    private String conversion;
    private int reportParts;
    private int patternParts;

    static ConversionItem from(Conversion c, int reportParts, int patternParts) {
        ConversionItem item = new ConversionItem();
        item.tenant = c.tenant();
        item.conversionId = c.id();
        item.created = ConversionPage.cursor(c);
        item.version = c.version();
        item.reportParts = reportParts;
        item.patternParts = patternParts;
        try {
            item.conversion = Json.mapper().writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise conversion " + c.id(), e);
        }
        return item;
    }

    Conversion toDomain() {
        try {
            return Json.mapper().readValue(conversion, Conversion.class);
        } catch (JsonProcessingException e) {
            throw new StoreUnavailableException("the conversions table holds an unreadable conversion " + conversionId
                    + " of tenant " + tenant + ": " + e.getOriginalMessage(), e);
        }
    }

    @DynamoDbPartitionKey
    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    @DynamoDbSortKey
    public String getConversionId() {
        return conversionId;
    }

    public void setConversionId(String conversionId) {
        this.conversionId = conversionId;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_CREATION)
    public String getCreated() {
        return created;
    }

    public void setCreated(String created) {
        this.created = created;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getConversion() {
        return conversion;
    }

    public void setConversion(String conversion) {
        this.conversion = conversion;
    }

    public int getReportParts() {
        return reportParts;
    }

    public void setReportParts(int reportParts) {
        this.reportParts = reportParts;
    }

    public int getPatternParts() {
        return patternParts;
    }

    public void setPatternParts(int patternParts) {
        this.patternParts = patternParts;
    }
}
