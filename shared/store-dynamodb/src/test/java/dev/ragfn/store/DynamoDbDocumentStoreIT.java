package dev.ragfn.store;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.store.dynamodb.DynamoDbClients;
import dev.ragfn.store.dynamodb.DynamoDbDocumentStore;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The contract against a real DynamoDB-protocol server, with a fresh set of tables per test. */
class DynamoDbDocumentStoreIT extends DocumentStoreContract {

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();

    private RagfnConfig.DynamoDb config;

    @Override
    protected DocumentStore newStore() {
        config = TestConfig.of(Map.of(
                "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                "ragfn.dynamodb.table-prefix", "it" + ProcessHandle.current().pid() + "-" + TABLE_SETS.incrementAndGet() + "-",
                "ragfn.dynamodb.create-tables", "true")).dynamodb();
        return DynamoDbDocumentStore.create(config);
    }

    /** Items as the store wrote them before: no tags, date or headingPath attributes. */
    @Override
    protected void storeInFormerShape(Document d, List<Chunk> chunks) {
        String kbKey = d.ref().tenant() + "#" + d.ref().knowledgeBase().knowledgeBase();
        try (DynamoDbClient client = DynamoDbClients.create(config)) {
            Map<String, AttributeValue> document = new HashMap<>();
            document.put("knowledgeBaseKey", s(kbKey));
            document.put("documentId", s(d.ref().documentId()));
            document.put("statusKey", s(kbKey + "#" + d.status().name()));
            document.put("title", s(d.title()));
            document.put("source", s(d.source()));
            document.put("contentType", s(d.contentType()));
            document.put("contentHash", s(d.contentHash()));
            document.put("status", s(d.status().name()));
            document.put("statusReason", s(d.statusReason()));
            document.put("chunkCount", n(d.chunkCount()));
            document.put("metadata", map(d.metadata()));
            document.put("updatedAt", s(d.updatedAt().toString()));
            document.put("version", n(d.version()));
            client.putItem(p -> p.tableName(config.tablePrefix() + "documents").item(document));
            for (Chunk c : chunks) {
                Map<String, AttributeValue> chunk = new HashMap<>();
                chunk.put("documentKey", s(kbKey + "#" + d.ref().documentId()));
                chunk.put("chunkId", s(String.format("%020d#%s", d.version(), c.id())));
                chunk.put("position", n(c.position()));
                chunk.put("text", s(c.text()));
                chunk.put("tokenCount", n(c.tokenCount()));
                chunk.put("metadata", map(c.metadata()));
                client.putItem(p -> p.tableName(config.tablePrefix() + "chunks").item(chunk));
            }
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue map(Map<String, String> values) {
        return AttributeValue.fromM(values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue()))));
    }
}
