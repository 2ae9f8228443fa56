package dev.ragfn.store.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Table {prefix}chat-turns: partition "tenant#sessionId", numeric sort key the turn index, so the
 * last turns are one query read backwards. The turn itself is one JSON attribute: it is only
 * ever read whole.
 */
@DynamoDbBean
public class ChatTurnItem {

    private String sessionKey;
    private int turnIndex;
    private String turnJson;

    static String sessionKey(String tenant, String sessionId) {
        return tenant + Keys.SEP + sessionId;
    }

    @DynamoDbPartitionKey
    public String getSessionKey() {
        return sessionKey;
    }

    public void setSessionKey(String sessionKey) {
        this.sessionKey = sessionKey;
    }

    @DynamoDbSortKey
    public int getTurnIndex() {
        return turnIndex;
    }

    public void setTurnIndex(int turnIndex) {
        this.turnIndex = turnIndex;
    }

    public String getTurnJson() {
        return turnJson;
    }

    public void setTurnJson(String turnJson) {
        this.turnJson = turnJson;
    }
}
