package dev.ragfn.index;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.index.opensearch.OpenSearchClients;
import dev.ragfn.testing.SigV4Gateway;
import dev.ragfn.testing.TestConfig;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

import java.util.Map;

/** Settings and AWS-signed clients pointed at a {@link SigV4Gateway}. */
final class SignedOpenSearch {

    private SignedOpenSearch() {
    }

    static RagfnConfig.OpenSearch config(SigV4Gateway gateway, String service, String indexName) {
        return TestConfig.of(Map.of(
                "ragfn.opensearch.url", gateway.url(),
                "ragfn.opensearch.index-name", indexName,
                "ragfn.opensearch.auth", "aws-sigv4",
                "ragfn.opensearch.aws-service", service,
                "ragfn.opensearch.aws-region", SigV4Gateway.REGION)).opensearch();
    }

    static AwsCredentialsProvider credentials(String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(SigV4Gateway.ACCESS_KEY_ID, secret));
    }

    /** The production client, with an HTTP client that trusts the gateway's self-signed certificate. */
    static OpenSearchClient client(SigV4Gateway gateway, RagfnConfig.OpenSearch config, AwsCredentialsProvider credentials) {
        return OpenSearchClients.awsSigned(config, credentials,
                Apache5HttpClient.builder().tlsTrustManagersProvider(gateway::trustManagers).build());
    }
}
