package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.ChatTurn;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/**
 * Table {prefix}chat-turns: partition "tenant#sessionId", numeric sort key the turn index, so the
 * last turns are one query read backwards. The turn itself is one JSON attribute: it is only
 * ever read whole.
 */
public final class ChatTurnItem {

    public static final TableSchema<ChatTurnItem> SCHEMA = StaticTableSchema.builder(ChatTurnItem.class)
            .newItemSupplier(ChatTurnItem::new)
            .addAttribute(String.class, a -> a.name("sessionKey").getter(i -> i.sessionKey).setter((i, v) -> i.sessionKey = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(Integer.class, a -> a.name("turnIndex").getter(i -> i.turnIndex).setter((i, v) -> i.turnIndex = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("turnJson").getter(i -> i.turnJson).setter((i, v) -> i.turnJson = v))
            .build();

    private String sessionKey;
    int turnIndex;
    private String turnJson;

    static String sessionKey(String tenant, String sessionId) {
        return tenant + Keys.SEP + sessionId;
    }

    static ChatTurnItem from(String sessionKey, ChatTurn turn) {
        ChatTurnItem item = new ChatTurnItem();
        item.sessionKey = sessionKey;
        item.turnIndex = turn.index();
        item.turnJson = JsonAttribute.write(turn, "a chat turn");
        return item;
    }

    ChatTurn toDomain() {
        return JsonAttribute.read(turnJson, ChatTurn.class, "DynamoDB holds an unreadable chat turn");
    }
}
