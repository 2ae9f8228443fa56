package dev.ragfn.store;

import dev.ragfn.core.port.SessionStore;
import dev.ragfn.store.mvstore.MvStoreSessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MvStoreSessionStoreTest extends SessionStoreContract {

    @TempDir
    Path dir;

    @Override
    protected SessionStore newStore() {
        return MvStoreSessionStore.open(dir);
    }

    @Test
    void should_keep_sessions_and_turns_when_reopened_from_its_directory() {
        store.create(session("acme", "s-1", 0));
        var turn = store.appendTurn(ALICE, turn("acme", "s-1", "kept?"));
        store.close();

        try (SessionStore reopened = MvStoreSessionStore.open(dir)) {
            assertThat(reopened.get("acme", ALICE, "s-1")).isPresent();
            assertThat(reopened.lastTurns("acme", "s-1", 5)).containsExactly(turn);
        }
    }
}
