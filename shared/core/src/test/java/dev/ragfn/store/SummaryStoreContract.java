package dev.ragfn.store;

import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.port.ScopePage;
import dev.ragfn.core.port.SummaryPage;
import dev.ragfn.core.port.SummaryQuery;
import dev.ragfn.core.port.SummaryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every SummaryStore must do. Each implementation's test extends this and supplies a fresh,
 * empty store per test.
 */
public abstract class SummaryStoreContract {

    protected static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    protected SummaryStore store;

    /** A new, empty store; the contract closes it after each test. */
    protected abstract SummaryStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void should_find_a_summary_when_it_was_stored() {
        Summary summary = summary("acme", "prod/llama", DAY, DAY.plus(HOUR), "first");

        Summary stored = store.putIfAbsent(summary);

        assertThat(stored).isEqualTo(summary);
        assertThat(store.find("acme", "prod/llama", DAY, DAY.plus(HOUR))).contains(summary);
        assertThat(store.find("acme", "prod/llama", DAY, DAY.plus(HOUR).plusSeconds(1))).isEmpty();
    }

    @Test
    void should_keep_the_first_summary_when_the_same_window_is_stored_twice() {
        Summary first = store.putIfAbsent(summary("acme", "prod/llama", DAY, DAY.plus(HOUR), "first"));

        Summary again = store.putIfAbsent(summary("acme", "prod/llama", DAY, DAY.plus(HOUR), "second"));

        assertThat(again).isEqualTo(first);
        assertThat(store.list("acme", "prod/llama", DAY, DAY.plus(HOUR))).containsExactly(first);
    }

    @Test
    void should_keep_summaries_apart_when_tenant_scope_or_window_differ() {
        Summary base = store.putIfAbsent(summary("acme", "prod/llama", DAY, DAY.plus(HOUR), "base"));
        Summary otherTenant = store.putIfAbsent(summary("globex", "prod/llama", DAY, DAY.plus(HOUR), "tenant"));
        Summary otherScope = store.putIfAbsent(summary("acme", "prod/granite", DAY, DAY.plus(HOUR), "scope"));
        Summary longer = store.putIfAbsent(summary("acme", "prod/llama", DAY, DAY.plus(HOUR.multipliedBy(24)), "day"));

        assertThat(store.find("acme", "prod/llama", DAY, DAY.plus(HOUR))).contains(base);
        assertThat(store.find("globex", "prod/llama", DAY, DAY.plus(HOUR))).contains(otherTenant);
        assertThat(store.find("acme", "prod/granite", DAY, DAY.plus(HOUR))).contains(otherScope);
        assertThat(store.list("acme", "prod/llama", DAY, DAY.plusSeconds(1))).containsExactly(base, longer);
    }

    @Test
    void should_list_summaries_by_window_start_when_queried_by_time() {
        for (int hour = 5; hour >= 0; hour--) {
            Instant start = DAY.plus(HOUR.multipliedBy(hour));
            store.putIfAbsent(summary("acme", "prod/llama", start, start.plus(HOUR), "h" + hour));
        }

        assertThat(store.list("acme", "prod/llama", DAY.plus(HOUR), DAY.plus(HOUR.multipliedBy(4))))
                .extracting(Summary::reportMarkdown)
                .containsExactly("h1", "h2", "h3");
        assertThat(store.list("acme", "prod/other", DAY, DAY.plus(HOUR.multipliedBy(24)))).isEmpty();
    }

    @Test
    void should_page_newest_first_with_a_cursor_when_a_limit_is_given() {
        for (int hour = 0; hour < 5; hour++) {
            Instant start = DAY.plus(HOUR.multipliedBy(hour));
            store.putIfAbsent(summary("acme", "prod/llama", start, start.plus(HOUR), "h" + hour));
        }
        store.putIfAbsent(summary("acme", "prod/llama", DAY.plus(HOUR.multipliedBy(6)), DAY.plus(HOUR.multipliedBy(7)), "late"));
        Instant to = DAY.plus(HOUR.multipliedBy(6));

        SummaryPage first = store.page("acme", "prod/llama", new SummaryQuery(DAY.plus(HOUR), to, null, null, 3));
        SummaryPage last = store.page("acme", "prod/llama", new SummaryQuery(DAY.plus(HOUR), to, null, first.next(), 3));

        assertThat(first.summaries()).extracting(Summary::reportMarkdown).containsExactly("h4", "h3", "h2");
        assertThat(first.next()).isNotNull();
        assertThat(last.summaries()).extracting(Summary::reportMarkdown).containsExactly("h1");
        assertThat(last.next()).isNull();
    }

    @Test
    void should_list_only_windows_of_that_length_when_a_window_is_given() {
        Duration day = Duration.ofDays(1);
        for (int hour = 0; hour < 3; hour++) {
            Instant start = DAY.plus(HOUR.multipliedBy(hour));
            store.putIfAbsent(summary("acme", "prod/llama", start, start.plus(HOUR), "hourly " + hour));
        }
        store.putIfAbsent(summary("acme", "prod/llama", DAY, DAY.plus(day), "daily 0"));
        store.putIfAbsent(summary("acme", "prod/llama", DAY.minus(day), DAY, "daily -1"));

        SummaryPage daily = store.page("acme", "prod/llama", new SummaryQuery(DAY.minus(day), DAY.plus(day), day, null, 1));
        SummaryPage rest = store.page("acme", "prod/llama", new SummaryQuery(DAY.minus(day), DAY.plus(day), day, daily.next(), 1));

        assertThat(daily.summaries()).extracting(Summary::reportMarkdown).containsExactly("daily 0");
        assertThat(rest.summaries()).extracting(Summary::reportMarkdown).containsExactly("daily -1");
        assertThat(rest.next()).isNull();
        assertThat(store.page("acme", "prod/llama", new SummaryQuery(DAY, DAY.plus(day), HOUR, null, 10)).summaries())
                .extracting(Summary::reportMarkdown).containsExactly("hourly 2", "hourly 1", "hourly 0");
    }

    @Test
    void should_refuse_a_query_when_its_range_is_empty_or_its_cursor_is_not_a_window() {
        assertThatThrownBy(() -> new SummaryQuery(DAY, DAY, null, null, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> new SummaryQuery(DAY, DAY.plus(HOUR), null, "../../etc/passwd", 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> new SummaryQuery(DAY, DAY.plus(HOUR), Duration.ZERO, null, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> new SummaryQuery(DAY, DAY.plus(HOUR), null, null, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
    }

    @Test
    void should_list_each_scope_of_the_tenant_once_in_name_order_a_page_at_a_time() {
        for (String scope : new String[] {"prod/llama", "dev/granite", "prod/llama", "prod", "prod/granite"}) {
            for (int hour = 0; hour < 3; hour++) {
                Instant start = DAY.plus(HOUR.multipliedBy(hour));
                store.putIfAbsent(summary("acme", scope, start, start.plus(HOUR), scope + " " + hour));
            }
        }
        store.putIfAbsent(summary("globex", "prod/mistral", DAY, DAY.plus(HOUR), "other tenant"));

        ScopePage first = store.scopes("acme", null, 3);
        ScopePage last = store.scopes("acme", first.next(), 3);

        assertThat(first.scopes()).containsExactly("dev/granite", "prod", "prod/granite");
        assertThat(first.next()).isEqualTo("prod/granite");
        assertThat(last.scopes()).containsExactly("prod/llama");
        assertThat(last.next()).isNull();
        assertThat(store.scopes("acme", "prod/a", 10).scopes()).containsExactly("prod/granite", "prod/llama");
        assertThat(store.scopes("initech", null, 10).scopes()).isEmpty();
    }

    @Test
    void should_refuse_a_summary_when_its_scope_is_longer_than_a_key() {
        String scope = "€".repeat(SummaryChecks.MAX_SCOPE_BYTES / 3 + 1); // 342 characters, 1,026 bytes

        assertThatThrownBy(() -> store.putIfAbsent(summary("acme", scope, DAY, DAY.plus(HOUR), "long")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("scope must be at most 1024 bytes");
        assertThat(store.scopes("acme", null, 10).scopes()).isEmpty();
    }

    @Test
    void should_refuse_a_summary_when_it_is_larger_than_an_item() {
        Summary huge = summary("acme", "prod/llama", DAY, DAY.plus(HOUR), "x".repeat(400_000));

        assertThatThrownBy(() -> store.putIfAbsent(huge))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("acme/prod/llama")
                .satisfies(e -> assertThat(((RagfnException) e).kind()).isEqualTo(RagfnException.Kind.TOO_LARGE));
        assertThat(store.find("acme", "prod/llama", DAY, DAY.plus(HOUR))).isEmpty();
    }

    @Test
    void should_refuse_a_summary_when_its_window_ends_before_it_starts() {
        assertThatThrownBy(() -> summary("acme", "prod/llama", DAY, DAY, "empty"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("windowEnd");
    }

    protected static Summary summary(String tenant, String scope, Instant start, Instant end, String markdown) {
        return new Summary(tenant, scope, start, end, "{\"note\":\"" + markdown.length() + "\"}", markdown,
                Instant.parse("2026-11-25T06:00:00Z"));
    }
}
