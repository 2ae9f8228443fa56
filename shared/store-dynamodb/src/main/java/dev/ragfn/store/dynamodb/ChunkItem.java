package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.port.LegacyForms;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.util.List;
import java.util.Map;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/**
 * Table {prefix}chunks: partition "tenant#knowledgeBase#documentId", sort key (attribute
 * "chunkId") the document version, zero-padded, '#' and the chunk id: the chunks of two versions
 * never overwrite each other, and one version's chunks are one key range. The heading path is a
 * list attribute; items written before it was kept it in the text, read through {@link LegacyForms}.
 */
public final class ChunkItem {

    public static final TableSchema<ChunkItem> SCHEMA = StaticTableSchema.builder(ChunkItem.class)
            .newItemSupplier(ChunkItem::new)
            .addAttribute(String.class, a -> a.name("documentKey").getter(i -> i.documentKey).setter((i, v) -> i.documentKey = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("chunkId").getter(i -> i.chunkKey).setter((i, v) -> i.chunkKey = v)
                    .tags(primarySortKey()))
            .addAttribute(Integer.class, a -> a.name("position").getter(i -> i.position).setter((i, v) -> i.position = v))
            .addAttribute(String.class, a -> a.name("text").getter(i -> i.text).setter((i, v) -> i.text = v))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("headingPath").getter(i -> i.headingPath)
                    .setter((i, v) -> i.headingPath = v))
            .addAttribute(Integer.class, a -> a.name("tokenCount").getter(i -> i.tokenCount).setter((i, v) -> i.tokenCount = v))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("metadata").getter(i -> i.metadata)
                    .setter((i, v) -> i.metadata = v))
            .build();

    private static final String VERSION_FORMAT = "%020d";

    String documentKey;
    String chunkKey;
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
}
