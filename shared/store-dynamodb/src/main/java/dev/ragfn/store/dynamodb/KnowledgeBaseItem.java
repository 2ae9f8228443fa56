package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.time.Instant;

/** Table {prefix}knowledge-bases: one item per knowledge base, partitioned by tenant. */
@DynamoDbBean
public class KnowledgeBaseItem {

    private String tenant;
    private String knowledgeBase;
    private String displayName;
    private String description;
    private int embeddingDimension;
    private Instant createdAt;

    static KnowledgeBaseItem from(KnowledgeBase kb) {
        KnowledgeBaseItem item = new KnowledgeBaseItem();
        item.tenant = kb.ref().tenant();
        item.knowledgeBase = kb.ref().knowledgeBase();
        item.displayName = kb.displayName();
        item.description = kb.description();
        item.embeddingDimension = kb.embeddingDimension();
        item.createdAt = kb.createdAt();
        return item;
    }

    KnowledgeBase toDomain() {
        return new KnowledgeBase(new KnowledgeBaseRef(tenant, knowledgeBase), displayName, description,
                embeddingDimension, createdAt);
    }

    @DynamoDbPartitionKey
    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    @DynamoDbSortKey
    public String getKnowledgeBase() {
        return knowledgeBase;
    }

    public void setKnowledgeBase(String knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public int getEmbeddingDimension() {
        return embeddingDimension;
    }

    public void setEmbeddingDimension(int embeddingDimension) {
        this.embeddingDimension = embeddingDimension;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
