package dev.ragfn.store.mvstore;

import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.port.AssistantStore;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded assistant store: H2's MVStore in the function's own process, keys tenant and id
 * joined by NUL so a tenant's assistants are one range. Writes hold the store's lock, so a version
 * check and the write it guards are one step.
 */
public final class MvStoreAssistantStore implements AssistantStore {

    private static final char SEP = '\u0000';

    private final MVStore store;
    private final MVMap<String, String> assistants;

    private MvStoreAssistantStore(MVStore store) {
        this.store = store;
        this.assistants = store.openMap("assistants");
    }

    /** A store persisted in {@code directory}, created if missing. */
    public static MvStoreAssistantStore open(Path directory) {
        return new MvStoreAssistantStore(MvStoreFiles.open(directory, "assistants.mv.db", "assistant store"));
    }

    /** A store that lives only as long as this object: for tests and throwaway runs. */
    public static MvStoreAssistantStore inMemory() {
        return new MvStoreAssistantStore(MvStoreFiles.inMemory());
    }

    @Override
    public synchronized Assistant create(Assistant assistant) {
        Assistant first = assistant.withVersion(1, assistant.updatedAt());
        if (assistants.putIfAbsent(key(assistant.tenant(), assistant.id()), MvStoreFiles.write(first)) != null) {
            throw new ConflictException("assistant " + assistant.id() + " of tenant " + assistant.tenant()
                    + " exists; update it, or choose another id");
        }
        store.commit();
        return first;
    }

    @Override
    public Optional<Assistant> find(String tenant, String id) {
        return Optional.ofNullable(assistants.get(key(tenant, id))).map(v -> MvStoreFiles.read(v, Assistant.class));
    }

    @Override
    public List<Assistant> list(String tenant) {
        String prefix = tenant + SEP;
        List<Assistant> result = new ArrayList<>();
        for (Cursor<String, String> cursor = assistants.cursor(prefix); cursor.hasNext(); ) {
            if (!cursor.next().startsWith(prefix)) {
                break;
            }
            result.add(MvStoreFiles.read(cursor.getValue(), Assistant.class));
        }
        return result;
    }

    @Override
    public synchronized Assistant update(Assistant assistant, long expectedVersion) {
        Assistant stored = find(assistant.tenant(), assistant.id())
                .orElseThrow(() -> AssistantStore.unknown(assistant.tenant(), assistant.id()));
        if (stored.version() != expectedVersion) {
            throw AssistantStore.staleVersion(assistant, expectedVersion, stored.version());
        }
        Assistant next = assistant.createdAt(stored.createdAt()).withVersion(stored.version() + 1, assistant.updatedAt());
        assistants.put(key(assistant.tenant(), assistant.id()), MvStoreFiles.write(next));
        store.commit();
        return next;
    }

    @Override
    public synchronized boolean delete(String tenant, String id) {
        boolean removed = assistants.remove(key(tenant, id)) != null;
        store.commit();
        return removed;
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    private static String key(String tenant, String id) {
        return tenant + SEP + id;
    }
}
