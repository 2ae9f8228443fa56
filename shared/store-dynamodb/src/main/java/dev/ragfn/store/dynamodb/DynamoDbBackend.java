package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.runtime.StoreBackend;

import java.time.Clock;

/** ragfn.store=dynamodb: the tables named by ragfn.dynamodb.table-prefix. */
public final class DynamoDbBackend implements StoreBackend {

    @Override
    public RagfnConfig.StoreKind kind() {
        return RagfnConfig.StoreKind.DYNAMODB;
    }

    @Override
    public DocumentStore documentStore(RagfnConfig config) {
        return DynamoDbDocumentStore.create(config.dynamodb());
    }

    @Override
    public SummaryStore summaryStore(RagfnConfig config) {
        return DynamoDbSummaryStore.create(config.dynamodb());
    }

    @Override
    public SessionStore sessionStore(RagfnConfig config) {
        return DynamoDbSessionStore.create(config.dynamodb());
    }

    @Override
    public AssistantStore assistantStore(RagfnConfig config) {
        return DynamoDbAssistantStore.create(config.dynamodb());
    }

    @Override
    public ConversionStore conversionStore(RagfnConfig config) {
        return DynamoDbConversionStore.create(config.dynamodb());
    }

    @Override
    public IdempotencyStore idempotencyStore(RagfnConfig config, Clock clock) {
        return DynamoDbIdempotencyStore.create(config.dynamodb(), clock);
    }

    @Override
    public String describe(RagfnConfig config) {
        return "dynamodb (" + config.dynamodb().endpoint().map(Object::toString)
                .orElse("AWS " + config.dynamodb().region()) + ", tables " + config.dynamodb().tablePrefix() + "*)";
    }

    @Override
    public String name(RagfnConfig config) {
        return "dynamodb (tables " + config.dynamodb().tablePrefix() + "*)";
    }
}
