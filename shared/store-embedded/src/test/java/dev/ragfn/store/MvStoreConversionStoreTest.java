package dev.ragfn.store;

import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.store.mvstore.MvStoreConversionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MvStoreConversionStoreTest extends ConversionStoreContract {

    @TempDir
    Path dir;

    @Override
    protected ConversionStore newStore() {
        return MvStoreConversionStore.open(dir);
    }

    @Test
    void should_keep_conversions_and_their_patterns_when_reopened_from_its_directory() {
        store.submit(requested("acme", "c1", "https://git.example.com/acme/shop.git", NOW));
        store.start("acme", "c1", NOW, Duration.ofMinutes(1));
        store.finish("acme", "c1", "shop", "{}", new byte[] {1, 2, 3}, NOW);
        store.close();

        try (ConversionStore reopened = MvStoreConversionStore.open(dir)) {
            assertThat(reopened.list("acme", null, 10).conversions()).hasSize(1);
            assertThat(reopened.patternZip("acme", "c1")).hasValueSatisfying(z -> assertThat(z).containsExactly(1, 2, 3));
        }
    }
}
