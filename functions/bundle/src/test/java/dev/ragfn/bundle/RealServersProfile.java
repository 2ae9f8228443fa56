package dev.ragfn.bundle;

import dev.ragfn.testing.InfraServer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.UUID;

/** The bundle on the cloud stores: a real OpenSearch node and a real DynamoDB-protocol server. */
public class RealServersProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return Map.of(
                "ragfn.store", "dynamodb",
                "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                "ragfn.dynamodb.table-prefix", "chain-" + run + "-",
                "ragfn.dynamodb.create-tables", "true",
                "ragfn.index", "opensearch",
                "ragfn.opensearch.url", InfraServer.openSearch(),
                "ragfn.opensearch.index-name", "chain-" + run);
    }
}
