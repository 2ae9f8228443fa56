package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** Table {prefix}knowledge-bases: one item per knowledge base, partitioned by tenant. */
public final class KnowledgeBaseItem {

    public static final TableSchema<KnowledgeBaseItem> SCHEMA = StaticTableSchema.builder(KnowledgeBaseItem.class)
            .newItemSupplier(KnowledgeBaseItem::new)
            .addAttribute(String.class, a -> a.name("tenant").getter(i -> i.tenant).setter((i, v) -> i.tenant = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("knowledgeBase").getter(i -> i.knowledgeBase).setter((i, v) -> i.knowledgeBase = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("displayName").getter(i -> i.displayName).setter((i, v) -> i.displayName = v))
            .addAttribute(String.class, a -> a.name("description").getter(i -> i.description).setter((i, v) -> i.description = v))
            .addAttribute(Integer.class, a -> a.name("embeddingDimension").getter(i -> i.embeddingDimension)
                    .setter((i, v) -> i.embeddingDimension = v))
            .addAttribute(Instant.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .build();

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
}
