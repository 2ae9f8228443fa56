package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Chunk;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.util.Map;

/** Table {prefix}chunks: partition "tenant#knowledgeBase#documentId", sort key the chunk id. */
@DynamoDbBean
public class ChunkItem {

    private String documentKey;
    private String chunkId;
    private int position;
    private String text;
    private int tokenCount;
    private Map<String, String> metadata;

    static ChunkItem from(Chunk c) {
        ChunkItem item = new ChunkItem();
        item.documentKey = Keys.of(c.document());
        item.chunkId = c.id();
        item.position = c.position();
        item.text = c.text();
        item.tokenCount = c.tokenCount();
        item.metadata = c.metadata();
        return item;
    }

    Chunk toDomain() {
        return new Chunk(Keys.document(documentKey), chunkId, position, text, tokenCount, metadata);
    }

    @DynamoDbPartitionKey
    public String getDocumentKey() {
        return documentKey;
    }

    public void setDocumentKey(String documentKey) {
        this.documentKey = documentKey;
    }

    @DynamoDbSortKey
    public String getChunkId() {
        return chunkId;
    }

    public void setChunkId(String chunkId) {
        this.chunkId = chunkId;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int getTokenCount() {
        return tokenCount;
    }

    public void setTokenCount(int tokenCount) {
        this.tokenCount = tokenCount;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }
}
