package dev.ragfn.store.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/**
 * Table {prefix}conversion-parts: one slice of a conversion's report or pattern, partition
 * {@code tenant/id/report} or {@code tenant/id/pattern}, sort key the slice's number from 0. A
 * DynamoDB item holds at most 400 KB, so a pattern of any size is stored as slices under that.
 */
public final class ConversionPartItem {

    public static final TableSchema<ConversionPartItem> SCHEMA = StaticTableSchema.builder(ConversionPartItem.class)
            .newItemSupplier(ConversionPartItem::new)
            .addAttribute(String.class, a -> a.name("blob").getter(i -> i.blob).setter((i, v) -> i.blob = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(Integer.class, a -> a.name("part").getter(i -> i.part).setter((i, v) -> i.part = v)
                    .tags(primarySortKey()))
            .addAttribute(SdkBytes.class, a -> a.name("bytes").getter(i -> i.bytes).setter((i, v) -> i.bytes = v))
            .build();

    private String blob;
    private int part;
    SdkBytes bytes;

    static ConversionPartItem of(String blob, int part, byte[] bytes) {
        ConversionPartItem item = new ConversionPartItem();
        item.blob = blob;
        item.part = part;
        item.bytes = SdkBytes.fromByteArray(bytes);
        return item;
    }
}
