package dev.ragfn.store;

import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.core.port.IdempotencyStore.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every IdempotencyStore must do; implementations supply a fresh store on a controllable clock. */
public abstract class IdempotencyStoreContract {

    private static final Duration LEASE = Duration.ofMinutes(5);

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    protected IdempotencyStore store;

    protected abstract IdempotencyStore newStore(Clock clock);

    @BeforeEach
    void open() {
        store = newStore(clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void should_acquire_a_key_once_and_report_in_progress_to_a_second_delivery() {
        assertThat(store.claim("src/1", LEASE)).isInstanceOf(Claim.Acquired.class);
        assertThat(store.claim("src/1", LEASE)).isInstanceOf(Claim.InProgress.class);
        assertThat(store.claim("src/2", LEASE)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void should_return_the_first_result_when_a_completed_key_is_claimed_again() {
        store.claim("src/1", LEASE);
        store.complete("src/1", "{\"chunks\":3}");

        assertThat(store.claim("src/1", LEASE)).isEqualTo(new Claim.Completed("{\"chunks\":3}"));
    }

    @Test
    void should_let_a_retry_claim_the_key_when_the_first_delivery_released_it() {
        store.claim("src/1", LEASE);
        store.release("src/1");

        assertThat(store.claim("src/1", LEASE)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void should_let_a_retry_claim_the_key_when_the_first_lease_expired() {
        store.claim("src/1", LEASE);
        clock.advance(LEASE.plusSeconds(1));

        assertThat(store.claim("src/1", LEASE)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void should_keep_a_completed_record_when_released_late() {
        store.claim("src/1", LEASE);
        store.complete("src/1", "done");

        store.release("src/1");

        assertThat(store.claim("src/1", LEASE)).isEqualTo(new Claim.Completed("done"));
    }

    @Test
    void should_grant_exactly_one_claim_when_deliveries_race() throws Exception {
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Claim>> claims = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            claims.add(pool.submit((Callable<Claim>) () -> {
                start.await();
                return store.claim("src/race", LEASE);
            }));
        }
        start.countDown();
        int acquired = 0;
        for (Future<Claim> claim : claims) {
            acquired += claim.get() instanceof Claim.Acquired ? 1 : 0;
        }
        pool.shutdown();

        assertThat(acquired).isEqualTo(1);
    }

    @Test
    void should_run_work_once_and_replay_its_result_when_delivered_twice() {
        AtomicInteger runs = new AtomicInteger();

        var first = store.once("src/1", LEASE, () -> "result-" + runs.incrementAndGet());
        var second = store.once("src/1", LEASE, () -> "result-" + runs.incrementAndGet());

        assertThat(first).contains("result-1");
        assertThat(second).contains("result-1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void should_allow_a_retry_when_the_work_failed() {
        assertThatThrownBy(() -> store.once("src/1", LEASE, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(store.once("src/1", LEASE, () -> "second try")).contains("second try");
    }

    /** A clock tests can move forward. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
