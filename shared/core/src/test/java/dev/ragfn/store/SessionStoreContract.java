package dev.ragfn.store;

import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.SourceCitation;
import dev.ragfn.core.domain.ToolCall;
import dev.ragfn.core.error.AccessDeniedException;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.port.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every SessionStore must do. Each implementation's test extends this and supplies a fresh,
 * empty store per test.
 */
public abstract class SessionStoreContract {

    protected static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    protected static final String ALICE = "alice";
    protected static final String BOB = "bob";

    protected SessionStore store;

    /** A new, empty store; the contract closes it after each test. */
    protected abstract SessionStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void should_read_a_session_back_when_it_was_created() {
        ChatSession session = store.create(session("acme", "s-1", 0));

        assertThat(store.get("acme", ALICE, "s-1")).contains(session);
        assertThat(store.get("acme", ALICE, "s-2")).isEmpty();
    }

    @Test
    void should_refuse_a_second_session_when_the_id_is_taken_in_the_tenant() {
        store.create(session("acme", "s-1", 0));

        assertThatThrownBy(() -> store.create(session("acme", "s-1", 1))).isInstanceOf(ConflictException.class);
        assertThat(store.create(session("globex", "s-1", 1)).tenant()).isEqualTo("globex");
    }

    @Test
    void should_list_the_tenants_sessions_newest_first_when_several_exist() {
        store.create(session("acme", "old", 0));
        store.create(session("acme", "new", 2));
        store.create(session("acme", "mid", 1));
        store.create(session("globex", "other", 3));

        assertThat(store.list("acme", ALICE)).extracting(ChatSession::id).containsExactly("new", "mid", "old");
        assertThat(store.list("initech", ALICE)).isEmpty();
    }

    @Test
    void should_number_turns_from_zero_when_they_are_appended() {
        store.create(session("acme", "s-1", 0));

        ChatTurn first = store.appendTurn(ALICE, turn("acme", "s-1", "first?"));
        ChatTurn second = store.appendTurn(ALICE, turn("acme", "s-1", "second?"));

        assertThat(first.index()).isZero();
        assertThat(second.index()).isEqualTo(1);
        assertThat(store.lastTurns("acme", "s-1", 10)).containsExactly(first, second);
    }

    @Test
    void should_keep_everything_a_turn_carries_when_it_is_read_back() {
        store.create(session("acme", "s-1", 0));
        ChatTurn turn = new ChatTurn("acme", "s-1", 0, "How many days?", "25 days [1].",
                List.of(new SourceCitation(1, DocumentRef.of("acme", "hr", "vacation.md"), "c0", "Vacation", 0.5)),
                List.of(new ToolCall(1, "search_knowledge_base", "built-in", "{\"query\":\"leave\",\"knowledgeBase\":\"hr\"}",
                        ToolCall.Outcome.OK, "2 passages, cited as [2], [3]", "ALLOW", 41),
                        new ToolCall(2, "lookup", "mcp:tickets", "{}", ToolCall.Outcome.BLOCKED,
                                "prompt-injection/prompt-injection: ignore-previous-instructions (1x, block)", "BLOCK", 7)),
                Map.of("input", "ALLOW", "output", "REDACT"), Map.of("retrieve", 12L, "model", 300L), 120, 30, T0,
                new Assistant.Ref("hr-helper", 3));

        store.appendTurn(ALICE, turn);

        assertThat(store.lastTurns("acme", "s-1", 1)).containsExactly(turn);
    }

    @Test
    void should_return_the_last_turns_oldest_first_when_more_exist() {
        store.create(session("acme", "s-1", 0));
        IntStream.range(0, 5).forEach(i -> store.appendTurn(ALICE, turn("acme", "s-1", "q" + i)));

        assertThat(store.lastTurns("acme", "s-1", 2)).extracting(ChatTurn::question).containsExactly("q3", "q4");
        assertThat(store.lastTurns("acme", "s-1", 0)).isEmpty();
    }

    @Test
    void should_give_every_turn_its_own_index_when_appends_race() throws Exception {
        store.create(session("acme", "s-1", 0));
        List<Callable<ChatTurn>> appends = IntStream.range(0, 8)
                .<Callable<ChatTurn>>mapToObj(i -> () -> store.appendTurn(ALICE, turn("acme", "s-1", "q" + i))).toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (var future : pool.invokeAll(appends)) {
                future.get();
            }
        }

        assertThat(store.lastTurns("acme", "s-1", 100)).extracting(ChatTurn::index)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void should_refuse_a_turn_when_its_session_does_not_exist() {
        store.create(session("globex", "s-1", 0));

        assertThatThrownBy(() -> store.appendTurn(ALICE, turn("acme", "s-1", "q"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_remove_the_session_and_its_turns_when_deleted() {
        store.create(session("acme", "s-1", 0));
        store.create(session("acme", "s-2", 1));
        store.appendTurn(ALICE, turn("acme", "s-1", "q"));
        store.appendTurn(ALICE, turn("acme", "s-2", "kept"));

        assertThat(store.delete("acme", ALICE, "s-1")).isTrue();

        assertThat(store.get("acme", ALICE, "s-1")).isEmpty();
        assertThat(store.lastTurns("acme", "s-1", 10)).isEmpty();
        assertThat(store.lastTurns("acme", "s-2", 10)).extracting(ChatTurn::question).containsExactly("kept");
        assertThat(store.delete("acme", ALICE, "s-1")).isFalse();
    }

    @Test
    void should_not_reach_another_tenants_session_when_the_id_is_the_same() {
        store.create(session("globex", "shared-id", 0));
        store.appendTurn(ALICE, turn("globex", "shared-id", "globex secret"));

        assertThat(store.get("acme", ALICE, "shared-id")).isEmpty();
        assertThat(store.lastTurns("acme", "shared-id", 10)).isEmpty();
        assertThat(store.delete("acme", ALICE, "shared-id")).isFalse();
        assertThat(store.lastTurns("globex", "shared-id", 10)).hasSize(1);
    }

    @Test
    void should_refuse_another_user_of_the_tenant_when_the_session_is_not_theirs() {
        store.create(session("acme", ALICE, "alices", 0));
        store.appendTurn(ALICE, turn("acme", "alices", "alice's question"));

        assertThatThrownBy(() -> store.get("acme", BOB, "alices")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("belongs to another user");
        assertThatThrownBy(() -> store.appendTurn(BOB, turn("acme", "alices", "bob's question")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> store.delete("acme", BOB, "alices")).isInstanceOf(AccessDeniedException.class);
        assertThat(store.list("acme", BOB)).isEmpty();

        assertThat(store.get("acme", ALICE, "alices")).map(ChatSession::owner).contains(ALICE);
        assertThat(store.lastTurns("acme", "alices", 10)).extracting(ChatTurn::question).containsExactly("alice's question");
    }

    @Test
    void should_list_only_the_owners_sessions_when_users_of_one_tenant_have_several() {
        store.create(session("acme", ALICE, "a-1", 0));
        store.create(session("acme", BOB, "b-1", 1));
        store.create(session("acme", ALICE, "a-2", 2));

        assertThat(store.list("acme", ALICE)).extracting(ChatSession::id).containsExactly("a-2", "a-1");
        assertThat(store.list("acme", BOB)).extracting(ChatSession::id).containsExactly("b-1");
    }

    @Test
    void should_refuse_a_tenant_when_it_is_not_a_plain_name() {
        assertThatThrownBy(() -> store.list("acme#x", ALICE)).isInstanceOf(InvalidInputException.class);
    }

    protected static ChatSession session(String tenant, String id, int minutesAfterT0) {
        Instant at = T0.plusSeconds(60L * minutesAfterT0);
        return session(tenant, ALICE, id, minutesAfterT0);
    }

    protected static ChatSession session(String tenant, String owner, String id, int minutesAfterT0) {
        Instant at = T0.plusSeconds(60L * minutesAfterT0);
        return new ChatSession(tenant, owner, id, "title " + id, at, at);
    }

    protected static ChatTurn turn(String tenant, String sessionId, String question) {
        return new ChatTurn(tenant, sessionId, 0, question, "answer to " + question, List.of(), Map.of(), Map.of(),
                10, 5, T0);
    }
}
