package dev.ragfn.store.mvstore;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.runtime.StoreBackend;

import java.time.Clock;

/** ragfn.store=embedded: one MVStore file per store under ragfn.data-dir. */
public final class MvStoreBackend implements StoreBackend {

    @Override
    public RagfnConfig.StoreKind kind() {
        return RagfnConfig.StoreKind.EMBEDDED;
    }

    @Override
    public DocumentStore documentStore(RagfnConfig config) {
        return MvStoreDocumentStore.open(config.dataDir().resolve("documents"));
    }

    @Override
    public SummaryStore summaryStore(RagfnConfig config) {
        return MvStoreSummaryStore.open(config.dataDir().resolve("summaries"));
    }

    @Override
    public SessionStore sessionStore(RagfnConfig config) {
        return MvStoreSessionStore.open(config.dataDir().resolve("sessions"));
    }

    @Override
    public AssistantStore assistantStore(RagfnConfig config) {
        return MvStoreAssistantStore.open(config.dataDir().resolve("assistants"));
    }

    @Override
    public ConversionStore conversionStore(RagfnConfig config) {
        return MvStoreConversionStore.open(config.dataDir().resolve("conversions"));
    }

    @Override
    public IdempotencyStore idempotencyStore(RagfnConfig config, Clock clock) {
        return MvStoreIdempotencyStore.open(config.dataDir().resolve("idempotency"), clock);
    }

    @Override
    public String describe(RagfnConfig config) {
        return "embedded (" + config.dataDir().resolve("documents").toAbsolutePath() + ")";
    }

    @Override
    public String name(RagfnConfig config) {
        return "embedded (documents)";
    }
}
