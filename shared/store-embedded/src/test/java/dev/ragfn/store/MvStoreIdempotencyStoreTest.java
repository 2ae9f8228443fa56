package dev.ragfn.store;

import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.store.mvstore.MvStoreIdempotencyStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

class MvStoreIdempotencyStoreTest extends IdempotencyStoreContract {

    @TempDir
    Path dir;

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return MvStoreIdempotencyStore.open(dir, clock);
    }
}
