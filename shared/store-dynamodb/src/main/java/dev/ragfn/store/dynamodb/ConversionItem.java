package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.port.ConversionPage;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * Table {prefix}conversions: partition tenant, sort key conversion id; the local index by-creation
 * sorts a tenant's conversions by {@code created} (creation time, then id: the list's cursor) for lists. The conversion
 * is one JSON attribute; the version is an attribute of its own for the conditional write; the report
 * and the pattern are in {@link ConversionPartItem}s, {@code reportParts} and {@code patternParts} of
 * them.
 */
public final class ConversionItem {

    static final String BY_CREATION = "by-creation";

    public static final TableSchema<ConversionItem> SCHEMA = StaticTableSchema.builder(ConversionItem.class)
            .newItemSupplier(ConversionItem::new)
            .addAttribute(String.class, a -> a.name("tenant").getter(i -> i.tenant).setter((i, v) -> i.tenant = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("conversionId").getter(i -> i.conversionId).setter((i, v) -> i.conversionId = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("created").getter(i -> i.created).setter((i, v) -> i.created = v)
                    .tags(secondarySortKey(BY_CREATION)))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .addAttribute(String.class, a -> a.name("conversion").getter(i -> i.conversion).setter((i, v) -> i.conversion = v))
            .addAttribute(Integer.class, a -> a.name("reportParts").getter(i -> i.reportParts).setter((i, v) -> i.reportParts = v))
            .addAttribute(Integer.class, a -> a.name("patternParts").getter(i -> i.patternParts).setter((i, v) -> i.patternParts = v))
            .build();

    private String tenant;
    private String conversionId;
    String created;
    long version;
    private String conversion;
    int reportParts;
    int patternParts;

    static ConversionItem from(Conversion c, int reportParts, int patternParts) {
        ConversionItem item = new ConversionItem();
        item.tenant = c.tenant();
        item.conversionId = c.id();
        item.created = ConversionPage.cursor(c);
        item.version = c.version();
        item.reportParts = reportParts;
        item.patternParts = patternParts;
        item.conversion = JsonAttribute.write(c, "conversion " + c.id());
        return item;
    }

    Conversion toDomain() {
        return JsonAttribute.read(conversion, Conversion.class, "the conversions table holds an unreadable conversion "
                + conversionId + " of tenant " + tenant);
    }
}
