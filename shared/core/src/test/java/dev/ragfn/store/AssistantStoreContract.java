package dev.ragfn.store;

import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.port.AssistantStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every AssistantStore must do. Each implementation's test extends this and supplies a fresh,
 * empty store per test.
 */
public abstract class AssistantStoreContract {

    protected static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    protected AssistantStore store;

    /** A new, empty store; the contract closes it after each test. */
    protected abstract AssistantStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void should_read_back_every_setting_as_version_1_when_an_assistant_is_created() {
        Assistant created = store.create(assistant("acme", "hr-helper", "Answer from the handbook only."));

        assertThat(created.version()).isEqualTo(1);
        assertThat(store.find("acme", "hr-helper")).contains(created);
        Assistant read = store.find("acme", "hr-helper").orElseThrow();
        assertThat(read.model()).isEqualTo(new Assistant.ModelSettings("llama-3.1-8b", 0.2, 512));
        assertThat(read.knowledgeBases()).containsExactly("handbook", "policies");
        assertThat(read.tools()).containsExactly("search_knowledge_base");
        assertThat(read.mcpServers()).containsExactly("calendar");
        assertThat(read.shieldPolicy()).isEqualTo("strict");
        assertThat(read.retrievalMode()).isEqualTo("hybrid");
        assertThat(read.topK()).isEqualTo(6);
    }

    @Test
    void should_refuse_a_second_assistant_when_its_id_is_taken_in_the_tenant() {
        store.create(assistant("acme", "hr-helper", "first"));

        assertThatThrownBy(() -> store.create(assistant("acme", "hr-helper", "second")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("hr-helper");
        assertThat(store.find("acme", "hr-helper").orElseThrow().instructions()).isEqualTo("first");
    }

    @Test
    void should_keep_tenants_apart_when_ids_collide() {
        store.create(assistant("acme", "helper", "acme's"));
        store.create(assistant("acme-2", "helper", "acme-2's"));
        store.create(assistant("acme", "another", "acme's other"));

        assertThat(store.list("acme")).extracting(Assistant::id).containsExactly("another", "helper");
        assertThat(store.find("acme-2", "helper").orElseThrow().instructions()).isEqualTo("acme-2's");
        assertThat(store.find("globex", "helper")).isEmpty();
        assertThat(store.list("globex")).isEmpty();
    }

    @Test
    void should_store_the_next_version_when_updated_from_the_stored_one() {
        Assistant created = store.create(assistant("acme", "hr-helper", "v1"));

        Assistant updated = store.update(assistant("acme", "hr-helper", "v2").withVersion(0, NOW.plusSeconds(60)),
                created.version());

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(store.find("acme", "hr-helper")).contains(updated);
    }

    @Test
    void should_refuse_an_update_and_keep_the_newer_one_when_it_names_an_older_version() {
        Assistant created = store.create(assistant("acme", "hr-helper", "v1"));
        store.update(assistant("acme", "hr-helper", "theirs"), created.version());

        assertThatThrownBy(() -> store.update(assistant("acme", "hr-helper", "mine"), created.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("version 2, not 1");
        assertThat(store.find("acme", "hr-helper").orElseThrow().instructions()).isEqualTo("theirs");
    }

    @Test
    void should_refuse_an_update_when_the_assistant_does_not_exist_in_the_tenant() {
        store.create(assistant("acme-2", "hr-helper", "acme-2's"));

        assertThatThrownBy(() -> store.update(assistant("acme", "hr-helper", "mine"), 1))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("hr-helper");
        assertThat(store.find("acme", "hr-helper")).isEmpty();
        assertThat(store.find("acme-2", "hr-helper").orElseThrow().instructions()).isEqualTo("acme-2's");
    }

    @Test
    void should_remove_only_that_tenants_assistant_when_deleted() {
        store.create(assistant("acme", "hr-helper", "acme's"));
        store.create(assistant("acme-2", "hr-helper", "acme-2's"));

        assertThat(store.delete("acme", "hr-helper")).isTrue();
        assertThat(store.delete("acme", "hr-helper")).isFalse();

        assertThat(store.find("acme", "hr-helper")).isEmpty();
        assertThat(store.find("acme-2", "hr-helper")).isPresent();
    }

    @Test
    void should_allow_creating_again_when_an_assistant_was_deleted() {
        store.create(assistant("acme", "hr-helper", "old"));
        store.delete("acme", "hr-helper");

        Assistant again = store.create(assistant("acme", "hr-helper", "new"));

        assertThat(again.version()).isEqualTo(1);
        assertThat(store.find("acme", "hr-helper").orElseThrow().instructions()).isEqualTo("new");
    }

    protected static Assistant assistant(String tenant, String id, String instructions) {
        return new Assistant(tenant, id, "HR helper", instructions, new Assistant.ModelSettings("llama-3.1-8b", 0.2, 512),
                List.of("handbook", "policies"), List.of("search_knowledge_base"), List.of("calendar"), "strict",
                "hybrid", 6, 0, NOW, NOW);
    }
}
