package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.port.LegacyForms;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * Table {prefix}documents: partition "tenant#knowledgeBase", sort key the document id. The
 * status-index GSI ("tenant#knowledgeBase#STATUS") answers "which documents failed?" without a scan.
 * Tags are a list attribute and the date an ISO-8601 string; items written before they were
 * attributes kept them in metadata, and are read through {@link LegacyForms}.
 */
public final class DocumentItem {

    static final String STATUS_INDEX = "status-index";

    public static final TableSchema<DocumentItem> SCHEMA = StaticTableSchema.builder(DocumentItem.class)
            .newItemSupplier(DocumentItem::new)
            .addAttribute(String.class, a -> a.name("knowledgeBaseKey").getter(i -> i.knowledgeBaseKey).setter((i, v) -> i.knowledgeBaseKey = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("documentId").getter(i -> i.documentId).setter((i, v) -> i.documentId = v)
                    .tags(primarySortKey(), secondarySortKey(STATUS_INDEX)))
            .addAttribute(String.class, a -> a.name("statusKey").getter(i -> i.statusKey).setter((i, v) -> i.statusKey = v)
                    .tags(secondaryPartitionKey(STATUS_INDEX)))
            .addAttribute(String.class, a -> a.name("title").getter(i -> i.title).setter((i, v) -> i.title = v))
            .addAttribute(String.class, a -> a.name("source").getter(i -> i.source).setter((i, v) -> i.source = v))
            .addAttribute(String.class, a -> a.name("contentType").getter(i -> i.contentType).setter((i, v) -> i.contentType = v))
            .addAttribute(String.class, a -> a.name("contentHash").getter(i -> i.contentHash).setter((i, v) -> i.contentHash = v))
            .addAttribute(String.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v))
            .addAttribute(String.class, a -> a.name("statusReason").getter(i -> i.statusReason).setter((i, v) -> i.statusReason = v))
            .addAttribute(Integer.class, a -> a.name("chunkCount").getter(i -> i.chunkCount).setter((i, v) -> i.chunkCount = v))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("tags").getter(i -> i.tags).setter((i, v) -> i.tags = v))
            .addAttribute(Instant.class, a -> a.name("date").getter(i -> i.date).setter((i, v) -> i.date = v))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("metadata").getter(i -> i.metadata).setter((i, v) -> i.metadata = v))
            .addAttribute(Instant.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .build();

    private String knowledgeBaseKey;
    private String documentId;
    private String statusKey;
    private String title;
    private String source;
    private String contentType;
    private String contentHash;
    private String status;
    private String statusReason;
    private int chunkCount;
    private List<String> tags;
    private Instant date;
    private Map<String, String> metadata;
    private Instant updatedAt;
    /** The document version; absent on items written before versions, read as 0. */
    private Long version;

    static DocumentItem from(Document d) {
        DocumentItem item = new DocumentItem();
        item.knowledgeBaseKey = Keys.of(d.ref().knowledgeBase());
        item.documentId = d.ref().documentId();
        item.statusKey = item.knowledgeBaseKey + Keys.SEP + d.status().name();
        item.title = d.title();
        item.source = d.source();
        item.contentType = d.contentType();
        item.contentHash = d.contentHash();
        item.status = d.status().name();
        item.statusReason = d.statusReason();
        item.chunkCount = d.chunkCount();
        item.tags = d.tags();
        item.date = d.date();
        item.metadata = d.metadata();
        item.updatedAt = d.updatedAt();
        item.version = d.version();
        return item;
    }

    Document toDomain() {
        DocumentRef ref = Keys.knowledgeBase(knowledgeBaseKey).document(documentId);
        return LegacyForms.document(new Document(ref, title, source, contentType, contentHash,
                DocumentStatus.valueOf(status), statusReason, chunkCount, tags, date, metadata, updatedAt,
                version == null ? 0 : version));
    }
}
