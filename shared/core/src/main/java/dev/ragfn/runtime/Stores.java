package dev.ragfn.runtime;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.core.port.VectorIndex;

import java.time.Clock;

/**
 * Opens the stores and the index that configuration names, from the backends the package's modules
 * register (see {@link Backends}); no function names an adapter.
 */
public final class Stores {

    private Stores() {
    }

    public static DocumentStore documentStore(RagfnConfig config) {
        return store(config).documentStore(config);
    }

    /** Summaries live beside the documents: the same store kind, their own file or table. */
    public static SummaryStore summaryStore(RagfnConfig config) {
        return store(config).summaryStore(config);
    }

    /** Chat sessions live beside the documents: the same store kind, their own file or tables. */
    public static SessionStore sessionStore(RagfnConfig config) {
        return store(config).sessionStore(config);
    }

    /** Assistants live beside the documents: the same store kind, their own file or table. */
    public static AssistantStore assistantStore(RagfnConfig config) {
        return store(config).assistantStore(config);
    }

    /** Conversions live beside the documents: the same store kind, their own file or tables. */
    public static ConversionStore conversionStore(RagfnConfig config) {
        return store(config).conversionStore(config);
    }

    public static IdempotencyStore idempotencyStore(RagfnConfig config) {
        return store(config).idempotencyStore(config, Clock.systemUTC());
    }

    public static VectorIndex vectorIndex(RagfnConfig config) {
        return index(config).open(config);
    }

    /** A one-line description for start-up logs and health data. */
    public static String describeStore(RagfnConfig config) {
        return store(config).describe(config);
    }

    /** What health data shows: each store's technology and name, not where it lives on disk or on the network. */
    public static String nameStore(RagfnConfig config) {
        return store(config).name(config);
    }

    public static String nameIndex(RagfnConfig config) {
        return index(config).name(config);
    }

    public static String describeIndex(RagfnConfig config) {
        return index(config).describe(config);
    }

    /** Whether the package includes a store module at all: functions without stores need none. */
    public static boolean hasStores() {
        return !Backends.available(StoreBackend.class).isEmpty();
    }

    /** Whether the package includes an index module at all. */
    public static boolean hasIndex() {
        return !Backends.available(IndexBackend.class).isEmpty();
    }

    static StoreBackend store(RagfnConfig config) {
        return Backends.select(StoreBackend.class, StoreBackend::kind, config.store(), "ragfn.store",
                switch (config.store()) {
                    case EMBEDDED -> "ragfn-store-embedded";
                    case DYNAMODB -> "ragfn-store-dynamodb";
                });
    }

    static IndexBackend index(RagfnConfig config) {
        return Backends.select(IndexBackend.class, IndexBackend::kind, config.index(), "ragfn.index",
                switch (config.index()) {
                    case LUCENE -> "ragfn-index-lucene";
                    case OPENSEARCH -> "ragfn-index-opensearch";
                });
    }
}
