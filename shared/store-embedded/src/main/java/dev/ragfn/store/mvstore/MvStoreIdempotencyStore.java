package dev.ragfn.store.mvstore;

import dev.ragfn.core.port.IdempotencyStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Idempotency records in an MVStore file. Values are "L:epochMillis" for a lease and "D:result"
 * once done; MVMap's atomic replace makes claims race-free between threads.
 */
public final class MvStoreIdempotencyStore implements IdempotencyStore {

    private static final String LEASE = "L:";
    private static final String DONE = "D:";

    private final MVStore store;
    private final MVMap<String, String> records;
    private final Clock clock;

    private MvStoreIdempotencyStore(MVStore store, Clock clock) {
        this.store = store;
        this.records = store.openMap("idempotency");
        this.clock = clock;
    }

    public static MvStoreIdempotencyStore open(Path directory, Clock clock) {
        return new MvStoreIdempotencyStore(MvStoreFiles.open(directory, "idempotency.mv.db", "idempotency store"), clock);
    }

    public static MvStoreIdempotencyStore inMemory(Clock clock) {
        return new MvStoreIdempotencyStore(MvStoreFiles.inMemory(), clock);
    }

    @Override
    public Claim claim(String key, Duration lease) {
        String leaseValue = LEASE + clock.instant().plus(lease).toEpochMilli();
        while (true) {
            String current = records.putIfAbsent(key, leaseValue);
            if (current == null) {
                store.commit();
                return new Claim.Acquired();
            }
            if (current.startsWith(DONE)) {
                return new Claim.Completed(current.substring(DONE.length()));
            }
            long until = Long.parseLong(current.substring(LEASE.length()));
            if (until > clock.millis()) {
                return new Claim.InProgress();
            }
            if (records.replace(key, current, leaseValue)) {
                store.commit();
                return new Claim.Acquired();
            }
        }
    }

    @Override
    public void complete(String key, String result) {
        records.put(key, DONE + result);
        store.commit();
    }

    @Override
    public void release(String key) {
        String current = records.get(key);
        if (current != null && current.startsWith(LEASE)) {
            records.remove(key, current);
            store.commit();
        }
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
