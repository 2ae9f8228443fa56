package dev.ragfn.index;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.index.opensearch.OpenSearchClients;
import dev.ragfn.index.opensearch.OpenSearchVectorIndex;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.SigV4Gateway;
import dev.ragfn.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole VectorIndex contract through an HTTPS gateway that verifies every request's SigV4
 * signature for Amazon OpenSearch Service (es) before it reaches the real OpenSearch node.
 */
class OpenSearchSigV4IT extends VectorIndexContract {

    private static final AtomicInteger INDEXES = new AtomicInteger();
    private static SigV4Gateway gateway;
    private int requestsBefore;
    private String indexName;

    @BeforeAll
    static void startGateway() {
        gateway = SigV4Gateway.start("es", InfraServer.openSearch());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        InfraServer.deleteOpenSearchIndexes("sigv4-" + ProcessHandle.current().pid() + "-*");
    }

    @Override
    protected VectorIndex newIndex(int dimension) {
        requestsBefore = gateway.requests().size();
        indexName = freshName();
        return reopenWithoutClosing(dimension);
    }

    @Override
    protected VectorIndex reopenWithoutClosing(int dimension) {
        RagfnConfig.OpenSearch config = SignedOpenSearch.config(gateway, "es", indexName);
        return OpenSearchVectorIndex.create(config,
                SignedOpenSearch.client(gateway, config, SignedOpenSearch.credentials(SigV4Gateway.SECRET_KEY)), dimension);
    }

    @AfterEach
    void every_request_was_signed_and_verified() {
        List<SigV4Gateway.Seen> requests = gateway.requests().subList(requestsBefore, gateway.requests().size());
        assertThat(requests).allSatisfy(seen -> {
            assertThat(seen.verified()).as("%s %s: %s", seen.method(), seen.path(), seen.refusal()).isTrue();
            assertThat(seen.signedHeaders()).contains("host", "x-amz-date");
        });
    }

    @Test
    void should_sign_bulk_writes_and_searches_when_indexing_and_searching() {
        int before = gateway.requests().size();
        KnowledgeBaseRef kb = new KnowledgeBaseRef("acme", "signed");
        index.upsert(List.of(chunk(kb.document("d"), "c0", 0, "signed words", axis(0, 0f))));

        List<IndexHit> hits = index.textSearch(SearchScope.of(kb), "signed", 3, SearchFilter.none());

        assertThat(hits).extracting(IndexHit::chunkId).containsExactly("c0");
        List<SigV4Gateway.Seen> requests = gateway.requests().subList(before, gateway.requests().size());
        assertThat(requests).anySatisfy(seen -> assertThat(seen.path()).endsWith("/_bulk"));
        assertThat(requests).anySatisfy(seen -> assertThat(seen.path()).endsWith("/_search"));
        assertThat(requests).allSatisfy(seen -> {
            assertThat(seen.verified()).isTrue();
            assertThat(seen.status()).isEqualTo(200);
        });
    }

    @Test
    void should_refuse_with_a_clear_error_when_the_secret_is_wrong() {
        RagfnConfig.OpenSearch config = SignedOpenSearch.config(gateway, "es", freshName());
        int before = gateway.requests().size();

        assertThatThrownBy(() -> OpenSearchVectorIndex.create(config,
                SignedOpenSearch.client(gateway, config, SignedOpenSearch.credentials("not-the-secret")), DIMENSION))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("refused ragfn's credentials")
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("ragfn.opensearch.auth");
        assertThat(gateway.requests().subList(before, gateway.requests().size()))
                .isNotEmpty().allSatisfy(seen -> assertThat(seen.status()).isEqualTo(403));
        requestsBefore = gateway.requests().size(); // the refused requests are this test's to check
    }

    @Test
    void should_sign_with_keys_from_the_default_chain_when_they_are_in_system_properties() {
        RagfnConfig.OpenSearch config = SignedOpenSearch.config(gateway, "es", freshName());
        System.setProperty("aws.accessKeyId", SigV4Gateway.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", SigV4Gateway.SECRET_KEY);
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
             VectorIndex signed = OpenSearchVectorIndex.create(config,
                     SignedOpenSearch.client(gateway, config, chain), DIMENSION)) {

            signed.upsert(List.of(chunk(new KnowledgeBaseRef("acme", "chain").document("d"), "c0", 0, "x", axis(0, 0f))));

            assertThat(signed.count(SearchScope.of(new KnowledgeBaseRef("acme", "chain")))).isEqualTo(1);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void should_refuse_a_plain_http_url_when_requests_are_aws_signed() {
        RagfnConfig.OpenSearch config = TestConfig.of(Map.of("ragfn.opensearch.url", "http://127.0.0.1:9200",
                "ragfn.opensearch.auth", "aws-sigv4")).opensearch();

        assertThatThrownBy(() -> OpenSearchClients.create(config))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("https://");
    }

    private static String freshName() {
        return "sigv4-" + ProcessHandle.current().pid() + "-" + INDEXES.incrementAndGet();
    }
}
