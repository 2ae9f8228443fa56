package dev.ragfn.store;

import dev.ragfn.runtime.Stores;
import dev.ragfn.store.mvstore.MvStoreDocumentStore;
import dev.ragfn.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MvStoreBackendTest {

    @Test
    void should_open_the_mvstore_document_store_when_the_module_is_in_the_package_and_ragfn_store_is_embedded(@TempDir Path dir) {
        // given
        var config = TestConfig.of(Map.of("ragfn.store", "embedded", "ragfn.data-dir", dir.toString()));

        // when
        try (var store = Stores.documentStore(config)) {
            // then
            assertThat(store).isInstanceOf(MvStoreDocumentStore.class);
            assertThat(Stores.nameStore(config)).isEqualTo("embedded (documents)");
        }
    }
}
