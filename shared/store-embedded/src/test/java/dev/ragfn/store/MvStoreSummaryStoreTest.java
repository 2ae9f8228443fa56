package dev.ragfn.store;

import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.store.mvstore.MvStoreSummaryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MvStoreSummaryStoreTest extends SummaryStoreContract {

    @TempDir
    Path dir;

    @Override
    protected SummaryStore newStore() {
        return MvStoreSummaryStore.open(dir);
    }

    @Test
    void should_keep_summaries_when_reopened_from_its_directory() {
        var summary = store.putIfAbsent(summary("acme", "prod/llama", DAY, DAY.plusSeconds(3600), "kept"));
        store.close();

        try (SummaryStore reopened = MvStoreSummaryStore.open(dir)) {
            assertThat(reopened.find("acme", "prod/llama", DAY, DAY.plusSeconds(3600))).contains(summary);
        }
    }
}
