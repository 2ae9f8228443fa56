package dev.ragfn.runtime;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.SummaryStore;

import java.time.Clock;

/**
 * The stores of one technology. Each store module registers one (META-INF/services), so a package
 * offers the stores of the modules it includes, and {@code ragfn.store} picks one of them.
 */
public interface StoreBackend {

    /** The value of {@code ragfn.store} that selects this backend. */
    RagfnConfig.StoreKind kind();

    DocumentStore documentStore(RagfnConfig config);

    SummaryStore summaryStore(RagfnConfig config);

    SessionStore sessionStore(RagfnConfig config);

    AssistantStore assistantStore(RagfnConfig config);

    ConversionStore conversionStore(RagfnConfig config);

    IdempotencyStore idempotencyStore(RagfnConfig config, Clock clock);

    /** A one-line description for start-up logs: where the data lives. */
    String describe(RagfnConfig config);

    /** What health data shows: the technology and names, not where it lives on disk or on the network. */
    String name(RagfnConfig config);
}
