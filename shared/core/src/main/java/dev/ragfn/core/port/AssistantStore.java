package dev.ragfn.core.port;

import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.NotFoundException;

import java.util.List;
import java.util.Optional;

/**
 * Where a tenant's assistants live (DynamoDB in the cloud, an embedded store on a laptop). Every
 * method takes the tenant, so another tenant's assistant id is simply not there. Writes are
 * conditional: an update names the version it read, and loses ({@link ConflictException}) when
 * another writer stored a newer one meanwhile, so no edit overwrites one it has not seen.
 */
public interface AssistantStore extends AutoCloseable {

    /** Stores a new assistant as version 1 and returns it; a {@link ConflictException} if its id is taken in the tenant. */
    Assistant create(Assistant assistant);

    Optional<Assistant> find(String tenant, String id);

    /** The tenant's assistants, ordered by id. */
    List<Assistant> list(String tenant);

    /**
     * Replaces the assistant's settings if it still has {@code expectedVersion}, and returns it under the
     * next version (its creation time kept). A {@link NotFoundException} if there is no such assistant, a
     * {@link ConflictException} naming the stored version if another update came first.
     */
    Assistant update(Assistant assistant, long expectedVersion);

    /** Removes the assistant; false if there was none. */
    boolean delete(String tenant, String id);

    @Override
    void close();

    /** The refusal of an update that lost to another writer. */
    static ConflictException staleVersion(Assistant assistant, long expected, long stored) {
        return new ConflictException("assistant " + assistant.id() + " of tenant " + assistant.tenant() + " is at version "
                + stored + ", not " + expected + "; read it again and apply your change to the current version");
    }

    static NotFoundException unknown(String tenant, String id) {
        return new NotFoundException("assistant " + id + " of tenant " + tenant + " does not exist");
    }
}
