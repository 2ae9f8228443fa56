package dev.ragfn.index;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.index.opensearch.OpenSearchVectorIndex;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.SigV4Gateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index on OpenSearch Serverless (aws-service aoss): every request signed for aoss with
 * x-amz-content-sha256, and none of what Serverless refuses (refresh, shard settings, own ids on a
 * vector collection), which the gateway answers with 400. Serverless makes writes searchable on
 * its own; the test stands in for that by refreshing the node behind the gateway directly.
 */
class OpenSearchServerlessIT {

    private static final AtomicInteger INDEXES = new AtomicInteger();
    private static final KnowledgeBaseRef KB = new KnowledgeBaseRef("acme", "serverless");
    private static final int DIMENSION = 4;
    private static SigV4Gateway gateway;
    private final HttpClient direct = HttpClient.newHttpClient();
    private String indexName;
    private OpenSearchVectorIndex index;
    private int requestsBefore;

    @BeforeAll
    static void startGateway() {
        gateway = SigV4Gateway.start("aoss", InfraServer.openSearch());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        InfraServer.deleteOpenSearchIndexes("aoss-" + ProcessHandle.current().pid() + "-*");
    }

    @BeforeEach
    void openIndex() {
        requestsBefore = gateway.requests().size();
        indexName = "aoss-" + ProcessHandle.current().pid() + "-" + INDEXES.incrementAndGet();
        RagfnConfig.OpenSearch config = SignedOpenSearch.config(gateway, "aoss", indexName);
        index = OpenSearchVectorIndex.create(config,
                SignedOpenSearch.client(gateway, config, SignedOpenSearch.credentials(SigV4Gateway.SECRET_KEY)), DIMENSION);
    }

    @AfterEach
    void every_request_was_signed_for_aoss_and_accepted() {
        index.close();
        List<SigV4Gateway.Seen> requests = gateway.requests().subList(requestsBefore, gateway.requests().size());
        assertThat(requests).allSatisfy(seen -> {
            assertThat(seen.verified()).as("%s %s: %s", seen.method(), seen.path(), seen.refusal()).isTrue();
            assertThat(seen.refusal()).as("%s %s", seen.method(), seen.path()).isNull();
            assertThat(seen.signedHeaders()).contains("x-amz-content-sha256");
        });
    }

    @Test
    void should_find_chunks_by_vector_and_text_when_indexed_without_refresh_or_ids() {
        index.upsert(List.of(chunk("d", "c0", "serverless vectors", 0), chunk("d", "c1", "other words", 1)));
        collectionRefreshes();

        List<IndexHit> byVector = index.vectorSearch(SearchScope.of(KB), axis(1), 1, SearchFilter.none());
        List<IndexHit> byText = index.textSearch(SearchScope.of(KB), "serverless", 5, SearchFilter.none());

        assertThat(byVector).extracting(IndexHit::chunkId).containsExactly("c1");
        assertThat(byText).extracting(IndexHit::chunkId).containsExactly("c0");
        assertThat(index.count(SearchScope.of(KB))).isEqualTo(2);
        List<SigV4Gateway.Seen> requests = gateway.requests().subList(requestsBefore, gateway.requests().size());
        assertThat(requests).anySatisfy(seen -> assertThat(seen.path()).endsWith("/_bulk"));
        assertThat(requests).anySatisfy(seen -> assertThat(seen.path()).endsWith("/_search"));
    }

    @Test
    void should_keep_one_copy_when_a_chunk_is_upserted_again() {
        index.upsert(List.of(chunk("d", "c0", "first wording", 0)));
        collectionRefreshes();

        index.upsert(List.of(chunk("d", "c0", "second wording", 0)));
        collectionRefreshes();

        assertThat(index.count(SearchScope.of(KB))).isEqualTo(1);
        assertThat(index.textSearch(SearchScope.of(KB), "wording", 5, SearchFilter.none()))
                .extracting(IndexHit::text).containsExactly("second wording");
    }

    @Test
    void should_remove_a_documents_chunks_when_it_is_deleted_or_retired() {
        index.upsert(List.of(chunk("gone", "g0", "alpha", 0), chunk("gone", "g1", "beta", 1),
                chunk("kept", "k0", "gamma", 2), chunk("kept", "k1", "delta", 3, 2)));
        collectionRefreshes();

        index.deleteDocument(KB.document("gone"));
        index.retireVersionsBefore(KB.document("kept"), 2);
        collectionRefreshes();

        assertThat(index.vectorSearch(SearchScope.of(KB), axis(0), 10, SearchFilter.none()))
                .extracting(IndexHit::chunkId).containsExactly("k1");
    }

    @Test
    void should_fail_clearly_when_a_client_sends_shard_settings_to_serverless() {
        RagfnConfig.OpenSearch config = SignedOpenSearch.config(gateway, "aoss", indexName + "-managed");
        assertThat(gateway.requests().size()).isGreaterThan(requestsBefore);
        int before = gateway.requests().size();

        assertThatThrownBy(() -> new OpenSearchVectorIndex(SignedOpenSearch.client(gateway, config,
                SignedOpenSearch.credentials(SigV4Gateway.SECRET_KEY)), config.indexName(), DIMENSION, 1, 0, 100, false))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("shards and replicas");
        assertThat(gateway.requests().subList(before, gateway.requests().size()))
                .anySatisfy(seen -> assertThat(seen.status()).isEqualTo(400));
        requestsBefore = gateway.requests().size();
    }

    private void collectionRefreshes() {
        try {
            HttpResponse<String> response = direct.send(HttpRequest.newBuilder(
                    URI.create(InfraServer.openSearch() + "/" + indexName + "/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static IndexedChunk chunk(String document, String id, String text, int axis) {
        return chunk(document, id, text, axis, 0);
    }

    private static IndexedChunk chunk(String document, String id, String text, int axis, long version) {
        DocumentRef doc = KB.document(document);
        return new IndexedChunk(doc, id, axis, "", text, List.of(), axis(axis), "", List.of(), Map.of(), null, version);
    }

    private static float[] axis(int axis) {
        float[] v = new float[DIMENSION];
        v[axis % DIMENSION] = 1f;
        return v;
    }
}
