package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.Assistant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/**
 * Table {prefix}assistants: partition tenant, sort key assistant id. The settings are one JSON
 * attribute, so new settings need no new attributes; the version is an attribute of its own for the
 * conditional write.
 */
public final class AssistantItem {

    public static final TableSchema<AssistantItem> SCHEMA = StaticTableSchema.builder(AssistantItem.class)
            .newItemSupplier(AssistantItem::new)
            .addAttribute(String.class, a -> a.name("tenant").getter(i -> i.tenant).setter((i, v) -> i.tenant = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("assistantId").getter(i -> i.assistantId).setter((i, v) -> i.assistantId = v)
                    .tags(primarySortKey()))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .addAttribute(String.class, a -> a.name("settings").getter(i -> i.settings).setter((i, v) -> i.settings = v))
            .build();

    private String tenant;
    private String assistantId;
    private long version;
    private String settings;

    static AssistantItem from(Assistant assistant) {
        AssistantItem item = new AssistantItem();
        item.tenant = assistant.tenant();
        item.assistantId = assistant.id();
        item.version = assistant.version();
        item.settings = JsonAttribute.write(assistant, "assistant " + assistant.id());
        return item;
    }

    Assistant toDomain() {
        return JsonAttribute.read(settings, Assistant.class, "the assistants table holds an unreadable assistant "
                + assistantId + " of tenant " + tenant);
    }
}
