package dev.ragfn.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Table {prefix}assistants: partition tenant, sort key assistant id. The settings are one JSON
 * attribute, so new settings need no new attributes; the version is an attribute of its own for the
 * conditional write.
 */
@DynamoDbBean
public class AssistantItem {

    private String tenant;
    private String assistantId;
    private long version;
    private String settings;

    static AssistantItem from(Assistant assistant) {
        AssistantItem item = new AssistantItem();
        item.tenant = assistant.tenant();
        item.assistantId = assistant.id();
        item.version = assistant.version();
        try {
            item.settings = Json.mapper().writeValueAsString(assistant);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise assistant " + assistant.id(), e);
        }
        return item;
    }

    Assistant toDomain() {
        try {
            return Json.mapper().readValue(settings, Assistant.class);
        } catch (JsonProcessingException e) {
            throw new StoreUnavailableException("the assistants table holds an unreadable assistant " + assistantId
                    + " of tenant " + tenant + ": " + e.getOriginalMessage(), e);
        }
    }

    @DynamoDbPartitionKey
    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    @DynamoDbSortKey
    public String getAssistantId() {
        return assistantId;
    }

    public void setAssistantId(String assistantId) {
        this.assistantId = assistantId;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getSettings() {
        return settings;
    }

    public void setSettings(String settings) {
        this.settings = settings;
    }
}
