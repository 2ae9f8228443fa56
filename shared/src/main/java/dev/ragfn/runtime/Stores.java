package dev.ragfn.runtime;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.index.opensearch.OpenSearchVectorIndex;
import dev.ragfn.store.dynamodb.DynamoDbAssistantStore;
import dev.ragfn.store.dynamodb.DynamoDbConversionStore;
import dev.ragfn.store.dynamodb.DynamoDbDocumentStore;
import dev.ragfn.store.dynamodb.DynamoDbIdempotencyStore;
import dev.ragfn.store.dynamodb.DynamoDbSessionStore;
import dev.ragfn.store.dynamodb.DynamoDbSummaryStore;
import dev.ragfn.store.mvstore.MvStoreAssistantStore;
import dev.ragfn.store.mvstore.MvStoreConversionStore;
import dev.ragfn.store.mvstore.MvStoreDocumentStore;
import dev.ragfn.store.mvstore.MvStoreIdempotencyStore;
import dev.ragfn.store.mvstore.MvStoreSessionStore;
import dev.ragfn.store.mvstore.MvStoreSummaryStore;

import java.time.Clock;

/** Chooses the store and index implementations from configuration; no function names an adapter. */
public final class Stores {

    private Stores() {
    }

    public static DocumentStore documentStore(RagfnConfig config) {
        return switch (config.store()) {
            case EMBEDDED -> MvStoreDocumentStore.open(config.dataDir().resolve("documents"));
            case DYNAMODB -> DynamoDbDocumentStore.create(config.dynamodb());
        };
    }

    /** Summaries live beside the documents: the same store kind, their own file or table. */
    public static SummaryStore summaryStore(RagfnConfig config) {
        return switch (config.store()) {
            case EMBEDDED -> MvStoreSummaryStore.open(config.dataDir().resolve("summaries"));
            case DYNAMODB -> DynamoDbSummaryStore.create(config.dynamodb());
        };
    }

    /** Chat sessions live beside the documents: the same store kind, their own file or tables. */
    public static SessionStore sessionStore(RagfnConfig config) {
        return switch (config.store()) {
            case EMBEDDED -> MvStoreSessionStore.open(config.dataDir().resolve("sessions"));
            case DYNAMODB -> DynamoDbSessionStore.create(config.dynamodb());
        };
    }

    /** Assistants live beside the documents: the same store kind, their own file or table. */
    public static AssistantStore assistantStore(RagfnConfig config) {
        return switch (config.store()) {
            case EMBEDDED -> MvStoreAssistantStore.open(config.dataDir().resolve("assistants"));
            case DYNAMODB -> DynamoDbAssistantStore.create(config.dynamodb());
        };
    }

    /** Conversions live beside the documents: the same store kind, their own file or tables. */
    public static ConversionStore conversionStore(RagfnConfig config) {
        return switch (config.store()) {
            case EMBEDDED -> MvStoreConversionStore.open(config.dataDir().resolve("conversions"));
            case DYNAMODB -> DynamoDbConversionStore.create(config.dynamodb());
        };
    }

    public static IdempotencyStore idempotencyStore(RagfnConfig config) {
        return switch (config.store()) {
            case EMBEDDED -> MvStoreIdempotencyStore.open(config.dataDir().resolve("idempotency"), Clock.systemUTC());
            case DYNAMODB -> DynamoDbIdempotencyStore.create(config.dynamodb(), Clock.systemUTC());
        };
    }

    public static VectorIndex vectorIndex(RagfnConfig config) {
        return switch (config.index()) {
            case LUCENE -> LuceneVectorIndex.open(config.dataDir().resolve("index"), config.embedding().dimension());
            case OPENSEARCH -> OpenSearchVectorIndex.create(config.opensearch(), config.embedding().dimension());
        };
    }

    /** A one-line description for start-up logs and health data. */
    public static String describeStore(RagfnConfig config) {
        return switch (config.store()) {
            case EMBEDDED -> "embedded (" + config.dataDir().resolve("documents").toAbsolutePath() + ")";
            case DYNAMODB -> "dynamodb (" + config.dynamodb().endpoint().map(Object::toString)
                    .orElse("AWS " + config.dynamodb().region()) + ", tables " + config.dynamodb().tablePrefix() + "*)";
        };
    }

    /** What health data shows: each store's technology and name, not where it lives on disk or on the network. */
    public static String nameStore(RagfnConfig config) {
        return switch (config.store()) {
            case EMBEDDED -> "embedded (documents)";
            case DYNAMODB -> "dynamodb (tables " + config.dynamodb().tablePrefix() + "*)";
        };
    }

    public static String nameIndex(RagfnConfig config) {
        return switch (config.index()) {
            case LUCENE -> "lucene (index)";
            case OPENSEARCH -> "opensearch (index " + config.opensearch().indexName() + ")";
        };
    }

    public static String describeIndex(RagfnConfig config) {
        return switch (config.index()) {
            case LUCENE -> "lucene (" + config.dataDir().resolve("index").toAbsolutePath() + ")";
            case OPENSEARCH -> "opensearch (" + config.opensearch().url() + ", index " + config.opensearch().indexName() + ")";
        };
    }
}
