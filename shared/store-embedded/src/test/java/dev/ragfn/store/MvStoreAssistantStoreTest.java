package dev.ragfn.store;

import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.store.mvstore.MvStoreAssistantStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MvStoreAssistantStoreTest extends AssistantStoreContract {

    @TempDir
    Path dir;

    @Override
    protected AssistantStore newStore() {
        return MvStoreAssistantStore.open(dir);
    }

    @Test
    void should_keep_assistants_when_reopened_from_its_directory() {
        Assistant created = store.create(assistant("acme", "hr-helper", "kept"));
        store.close();

        try (AssistantStore reopened = MvStoreAssistantStore.open(dir)) {
            assertThat(reopened.find("acme", "hr-helper")).contains(created);
        }
    }
}
