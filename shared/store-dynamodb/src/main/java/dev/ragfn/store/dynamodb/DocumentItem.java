package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.port.LegacyForms;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Table {prefix}documents: partition "tenant#knowledgeBase", sort key the document id. The
 * status-index GSI ("tenant#knowledgeBase#STATUS") answers "which documents failed?" without a scan.
 * Tags are a list attribute and the date an ISO-8601 string; items written before they were
 * attributes kept them in metadata, and are read through {@link LegacyForms}.
 */
@DynamoDbBean
public class DocumentItem {

    static final String STATUS_INDEX = "status-index";

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

    @DynamoDbPartitionKey
    public String getKnowledgeBaseKey() {
        return knowledgeBaseKey;
    }

    public void setKnowledgeBaseKey(String knowledgeBaseKey) {
        this.knowledgeBaseKey = knowledgeBaseKey;
    }

    @DynamoDbSortKey
    @DynamoDbSecondarySortKey(indexNames = STATUS_INDEX)
    public String getDocumentId() {
        return documentId;
    }

    public void setDocumentId(String documentId) {
        this.documentId = documentId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = STATUS_INDEX)
    public String getStatusKey() {
        return statusKey;
    }

    public void setStatusKey(String statusKey) {
        this.statusKey = statusKey;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public void setStatusReason(String statusReason) {
        this.statusReason = statusReason;
    }

    public int getChunkCount() {
        return chunkCount;
    }

    public void setChunkCount(int chunkCount) {
        this.chunkCount = chunkCount;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public Instant getDate() {
        return date;
    }

    public void setDate(Instant date) {
        this.date = date;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** The document version; absent on items written before versions, read as 0. */
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
