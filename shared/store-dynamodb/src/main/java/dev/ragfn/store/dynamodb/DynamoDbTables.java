package dev.ragfn.store.dynamodb;

import dev.ragfn.core.error.StoreUnavailableException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.util.function.Supplier;

/** What every DynamoDB store of this package does alike: table creation, error wrapping. */
final class DynamoDbTables {

    private static final Logger LOG = Logger.getLogger(DynamoDbTables.class);

    private DynamoDbTables() {
    }

    /** Runs {@code create} unless the table exists already, then waits until the table is active. */
    static void createIfMissing(DynamoDbClient client, String table, Runnable create) {
        call("create table " + table, () -> {
            try {
                create.run();
                LOG.infof("Created DynamoDB table %s", table);
            } catch (ResourceInUseException alreadyThere) {
                LOG.debugf("DynamoDB table %s exists", table);
            }
            DynamoDbClients.awaitTable(client, table);
        });
    }

    /**
     * Runs one DynamoDB action, turning SDK failures into {@link StoreUnavailableException} named by
     * {@code what} ("Failed to {what} in DynamoDB: ..."). A failed condition passes through as it is:
     * callers that write conditionally catch it to tell a conflict from an outage.
     */
    static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw new StoreUnavailableException("Failed to " + what + " in DynamoDB: " + e.getMessage(), e);
        }
    }

    static void call(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }
}
