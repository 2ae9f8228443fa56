package dev.ragfn.index.opensearch;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.config.RagfnConfig.OpenSearchAuth;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.json.Json;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Locale;

/** Builds the OpenSearch client for {@code ragfn.opensearch.auth}: plain, basic-auth or AWS SigV4-signed. */
public final class OpenSearchClients {

    private OpenSearchClients() {
    }

    public static OpenSearchClient create(RagfnConfig.OpenSearch config) {
        return switch (auth(config)) {
            case NONE -> apache(config, false);
            case BASIC -> apache(config, true);
            // The default chain finds a Lambda role, IRSA's web identity token, or keys in the environment.
            case AWS_SIGV4 -> awsSigned(config, DefaultCredentialsProvider.builder().build(), Apache5HttpClient.create());
        };
    }

    /** The configured auth; unset keeps the older rule: basic when a username is set. */
    public static OpenSearchAuth auth(RagfnConfig.OpenSearch config) {
        return config.auth().orElse(config.username().isPresent() ? OpenSearchAuth.BASIC : OpenSearchAuth.NONE);
    }

    /**
     * A client whose every request is signed with AWS SigV4 for {@code ragfn.opensearch.aws-service}
     * (the transport signs the exact body bytes it sends and adds x-amz-content-sha256, which
     * Serverless requires). AWS endpoints are HTTPS only, and so is this transport.
     */
    public static OpenSearchClient awsSigned(RagfnConfig.OpenSearch config, AwsCredentialsProvider credentials,
                                             SdkHttpClient http) {
        URI url = config.url();
        if (!"https".equals(url.getScheme())) {
            throw new InvalidInputException("ragfn.opensearch.auth=aws-sigv4 needs an https:// ragfn.opensearch.url, got "
                    + url);
        }
        String host = url.getPort() > 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
        AwsSdk2TransportOptions options = AwsSdk2TransportOptions.builder()
                .setCredentials(credentials)
                .setMapper(new JacksonJsonpMapper(Json.mapper()))
                .build();
        String service = config.awsService().name().toLowerCase(Locale.ROOT);
        return new OpenSearchClient(new AwsSdk2Transport(http, host, service, Region.of(config.awsRegion()), options));
    }

    private static OpenSearchClient apache(RagfnConfig.OpenSearch config, boolean basic) {
        URI url = config.url();
        HttpHost host = new HttpHost(url.getScheme(), url.getHost(), url.getPort() > 0 ? url.getPort()
                : "https".equals(url.getScheme()) ? 443 : 9200);
        ApacheHttpClient5TransportBuilder transport = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper(Json.mapper()));
        if (basic) {
            String user = config.username().orElseThrow(() -> new InvalidInputException(
                    "ragfn.opensearch.auth=basic needs ragfn.opensearch.username"));
            transport.setHttpClientConfigCallback(http -> {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(host),
                        new UsernamePasswordCredentials(user, config.password().orElse("").toCharArray()));
                return http.setDefaultCredentialsProvider(credentials);
            });
        }
        return new OpenSearchClient(transport.build());
    }
}
