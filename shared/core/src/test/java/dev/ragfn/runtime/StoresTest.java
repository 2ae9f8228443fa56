package dev.ragfn.runtime;

import dev.ragfn.embedding.EmbeddingModels;
import dev.ragfn.testing.TestConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core alone includes no store, index or in-process model: what a package without those modules answers. */
class StoresTest {

    @Test
    void should_name_the_key_the_value_and_the_module_to_add_when_the_configured_store_is_not_in_the_package() {
        // given
        var config = TestConfig.of(Map.of("ragfn.store", "dynamodb"));

        // when / then
        assertThatThrownBy(() -> Stores.documentStore(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ragfn.store is dynamodb")
                .hasMessageContaining("dev.ragfn:ragfn-store-dynamodb");
    }

    @Test
    void should_name_the_index_module_to_add_when_the_configured_index_is_not_in_the_package() {
        // given
        var config = TestConfig.of(Map.of("ragfn.index", "lucene"));

        // when / then
        assertThatThrownBy(() -> Stores.vectorIndex(config))
                .hasMessageContaining("ragfn.index is lucene")
                .hasMessageContaining("dev.ragfn:ragfn-index-lucene");
    }

    @Test
    void should_name_the_embedding_module_and_the_providers_at_hand_when_the_configured_provider_is_not_in_the_package() {
        // given
        var config = TestConfig.of(Map.of("ragfn.embedding.provider", "in-process"));

        // when / then
        assertThatThrownBy(() -> EmbeddingModels.create(config))
                .hasMessageContaining("ragfn.embedding.provider is in-process")
                .hasMessageContaining("dev.ragfn:ragfn-embedding-onnx")
                .hasMessageContaining("[openai]");
    }

    @Test
    void should_report_no_stores_when_the_package_includes_no_store_module() {
        // when / then: functions without stores (shield, convert) have nothing to open or probe
        assertThat(Stores.hasStores()).isFalse();
        assertThat(Stores.hasIndex()).isFalse();
    }
}
