package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.port.LegacyForms;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.util.List;
import java.util.Map;

/**
 * Table {prefix}chunks: partition "tenant#knowledgeBase#documentId", sort key (attribute
 * "chunkId") the document version, zero-padded, '#' and the chunk id: the chunks of two versions
 * never overwrite each other, and one version's chunks are one key range. The heading path is a
 * list attribute; items written before it was kept it in the text, read through {@link LegacyForms}.
 */
@DynamoDbBean
public class ChunkItem {

    private static final String VERSION_FORMAT = "%020d";

    private String documentKey;
    private String chunkKey;
    private int position;
    private String text;
    private List<String> headingPath;
    private int tokenCount;
    private Map<String, String> metadata;

    static ChunkItem from(Chunk c, long version) {
        ChunkItem item = new ChunkItem();
        item.documentKey = Keys.of(c.document());
        item.chunkKey = versionPrefix(version) + c.id();
        item.position = c.position();
        item.text = c.text();
        item.headingPath = c.headingPath();
        item.tokenCount = c.tokenCount();
        item.metadata = c.metadata();
        return item;
    }

    Chunk toDomain() {
        return LegacyForms.chunk(new Chunk(Keys.document(documentKey),
                chunkKey.substring(chunkKey.indexOf(Keys.SEP) + 1), position, text, headingPath, tokenCount, metadata));
    }

    /** The start of every sort key of the version's chunks. */
    static String versionPrefix(long version) {
        return String.format(VERSION_FORMAT, version) + Keys.SEP;
    }

    /** The version a sort key belongs to; -1 for items written before versions (their key is the bare chunk id). */
    static long versionOf(String chunkKey) {
        int sep = chunkKey.indexOf(Keys.SEP);
        if (sep != String.format(VERSION_FORMAT, 0).length()) {
            return -1;
        }
        try {
            return Long.parseLong(chunkKey.substring(0, sep));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @DynamoDbPartitionKey
    public String getDocumentKey() {
        return documentKey;
    }

    public void setDocumentKey(String documentKey) {
        this.documentKey = documentKey;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute("chunkId")
    public String getChunkKey() {
        return chunkKey;
    }

    public void setChunkKey(String chunkKey) {
        this.chunkKey = chunkKey;
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

    public List<String> getHeadingPath() {
        return headingPath;
    }

    public void setHeadingPath(List<String> headingPath) {
        this.headingPath = headingPath;
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
