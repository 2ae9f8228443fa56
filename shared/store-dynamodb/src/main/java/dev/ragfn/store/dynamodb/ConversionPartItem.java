package dev.ragfn.store.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Table {prefix}conversion-parts: one slice of a conversion's report or pattern, partition
 * {@code tenant/id/report} or {@code tenant/id/pattern}, sort key the slice's number from 0. A
 * DynamoDB item holds at most 400 KB, so a pattern of any size is stored as slices under that.
 */
@DynamoDbBean
public class ConversionPartItem {

    private String blob;
    private int part;
    private SdkBytes bytes;

    static ConversionPartItem of(String blob, int part, byte[] bytes) {
        ConversionPartItem item = new ConversionPartItem();
        item.blob = blob;
        item.part = part;
        item.bytes = SdkBytes.fromByteArray(bytes);
        return item;
    }

    @DynamoDbPartitionKey
    public String getBlob() {
        return blob;
    }

    public void setBlob(String blob) {
        this.blob = blob;
    }

    @DynamoDbSortKey
    public int getPart() {
        return part;
    }

    public void setPart(int part) {
        this.part = part;
    }

    public SdkBytes getBytes() {
        return bytes;
    }

    public void setBytes(SdkBytes bytes) {
        this.bytes = bytes;
    }
}
