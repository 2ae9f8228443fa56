package dev.ragfn.store;

import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.domain.Conversion.Status;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.port.ConversionPage;
import dev.ragfn.core.port.ConversionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every ConversionStore must do. Each implementation's test extends this and supplies a fresh,
 * empty store per test.
 */
public abstract class ConversionStoreContract {

    protected static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(15);
    private static final String REPORT = "{\"pattern\":\"shop\",\"needs_human\":[]}";

    protected ConversionStore store;

    /** A new, empty store; the contract closes it after each test. */
    protected abstract ConversionStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void should_keep_the_first_request_when_the_same_id_is_submitted_again() {
        Conversion first = store.submit(requested("acme", "c1", "https://git.example.com/acme/shop.git", NOW));

        Conversion again = store.submit(requested("acme", "c1", "https://git.example.com/acme/other.git", NOW.plusSeconds(5)));

        assertThat(first.version()).isEqualTo(1);
        assertThat(again).isEqualTo(first);
        assertThat(store.find("acme", "c1").orElseThrow().source()).isEqualTo("https://git.example.com/acme/shop.git");
        assertThat(store.list("acme", null, 10).conversions()).hasSize(1);
    }

    @Test
    void should_keep_no_credentials_when_the_source_url_carries_them() {
        store.submit(requested("acme", "c1", "https://bot:s3cret@git.example.com/acme/shop.git", NOW));

        assertThat(store.find("acme", "c1").orElseThrow().source()).isEqualTo("https://git.example.com/acme/shop.git");
    }

    @Test
    void should_start_a_request_once_when_two_deliveries_try() {
        store.submit(requested("acme", "c1", "https://git.example.com/acme/shop.git", NOW));

        Conversion started = store.start("acme", "c1", NOW.plusSeconds(1), STALE).orElseThrow();

        assertThat(started.status()).isEqualTo(Status.RUNNING);
        assertThat(started.startedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(store.start("acme", "c1", NOW.plusSeconds(2), STALE)).isEmpty();
        assertThat(store.find("acme", "c1")).contains(started);
    }

    @Test
    void should_start_again_when_the_running_delivery_went_stale_or_failed() {
        store.submit(requested("acme", "c1", "https://git.example.com/acme/shop.git", NOW));
        store.start("acme", "c1", NOW, STALE);

        assertThat(store.start("acme", "c1", NOW.plus(STALE).plusSeconds(1), STALE)).isPresent();
        store.fail("acme", "c1", "the remote answered 503", NOW.plus(STALE).plusSeconds(2));
        assertThat(store.start("acme", "c1", NOW.plus(STALE).plusSeconds(3), STALE)).isPresent();
    }

    @Test
    void should_read_the_report_and_pattern_back_and_start_no_more_when_done() {
        store.submit(requested("acme", "c1", "https://git.example.com/acme/shop.git", NOW));
        store.start("acme", "c1", NOW, STALE);
        byte[] zip = {'P', 'K', 3, 4, 1, 2, 3};

        Conversion done = store.finish("acme", "c1", "shop", REPORT, zip, NOW.plusSeconds(9));

        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.pattern()).isEqualTo("shop");
        assertThat(done.finishedAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(store.find("acme", "c1")).contains(done);
        assertThat(store.report("acme", "c1")).contains(REPORT);
        assertThat(store.patternZip("acme", "c1")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(zip));
        assertThat(store.start("acme", "c1", NOW.plus(Duration.ofDays(1)), STALE)).isEmpty();
    }

    @Test
    void should_keep_a_pattern_and_a_report_whole_when_they_are_larger_than_one_dynamodb_item() {
        store.submit(requested("acme", "big", "https://git.example.com/acme/big.git", NOW));
        byte[] zip = new byte[1_300_000];
        new Random(7).nextBytes(zip); // incompressible, as a zip is
        String report = "{\"needs_human\":[" + String.join(",", IntStream.range(0, 40_000)
                .mapToObj(i -> "\"check values-hub.yaml line " + i + "\"").toList()) + "]}";

        store.finish("acme", "big", "big", report, zip, NOW.plusSeconds(30));

        assertThat(report.length()).isGreaterThan(1_000_000);
        assertThat(store.patternZip("acme", "big")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(zip));
        assertThat(store.report("acme", "big")).contains(report);
    }

    @Test
    void should_record_the_reason_and_offer_no_pattern_when_failed() {
        store.submit(requested("acme", "c1", "https://git.example.com/acme/shop.git", NOW));
        store.start("acme", "c1", NOW, STALE);

        Conversion failed = store.fail("acme", "c1", "Host 'git.example.com' could not be resolved", NOW.plusSeconds(2));

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(store.find("acme", "c1").orElseThrow().reason()).contains("could not be resolved");
        assertThat(store.report("acme", "c1")).isEmpty();
        assertThat(store.patternZip("acme", "c1")).isEmpty();
    }

    @Test
    void should_list_newest_first_a_page_at_a_time_when_there_are_many() {
        for (int i = 0; i < 5; i++) {
            store.submit(requested("acme", "c" + i, "https://git.example.com/acme/r" + i + ".git", NOW.plusSeconds(i)));
        }

        ConversionPage first = store.list("acme", null, 2);
        ConversionPage second = store.list("acme", first.next(), 2);
        ConversionPage last = store.list("acme", second.next(), 2);

        assertThat(first.conversions()).extracting(Conversion::id).containsExactly("c4", "c3");
        assertThat(second.conversions()).extracting(Conversion::id).containsExactly("c2", "c1");
        assertThat(last.conversions()).extracting(Conversion::id).containsExactly("c0");
        assertThat(last.next()).isNull();
    }

    @Test
    void should_page_from_the_cursors_place_when_its_conversion_is_not_in_the_tenant() {
        for (int i = 0; i < 4; i++) {
            store.submit(requested("acme", "c" + i, "https://git.example.com/acme/r" + i + ".git", NOW.plusSeconds(i)));
        }
        String elsewhere = ConversionPage.cursor(requested("globex", "g1", "https://git.example.com/g.git", NOW.plusMillis(1500)));

        ConversionPage page = store.list("acme", elsewhere, 10);

        assertThat(page.conversions()).extracting(Conversion::id).containsExactly("c1", "c0");
        assertThat(page.next()).isNull();
    }

    @Test
    void should_refuse_a_cursor_when_it_is_no_place_in_the_list() {
        store.submit(requested("acme", "c1", "https://git.example.com/acme/shop.git", NOW));

        for (String after : new String[] {"c1", "", "../../etc/passwd", "000001764752400000#C1", "1764752400000#c1"}) {
            assertThatThrownBy(() -> store.list("acme", after, 10)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("after");
        }
    }

    @Test
    void should_keep_tenants_apart_when_ids_collide() {
        store.submit(requested("acme", "c1", "https://git.example.com/acme/shop.git", NOW));
        store.submit(requested("acme-2", "c1", "https://git.example.com/acme-2/shop.git", NOW));
        store.start("acme", "c1", NOW, STALE);
        store.finish("acme", "c1", "shop", REPORT, new byte[] {1}, NOW);

        assertThat(store.find("acme-2", "c1").orElseThrow().status()).isEqualTo(Status.REQUESTED);
        assertThat(store.report("acme-2", "c1")).isEmpty();
        assertThat(store.patternZip("acme-2", "c1")).isEmpty();
        assertThat(store.find("globex", "c1")).isEmpty();
        assertThat(store.list("globex", null, 10).conversions()).isEmpty();
        assertThat(store.list("acme-2", null, 10).conversions()).extracting(Conversion::source)
                .containsExactly("https://git.example.com/acme-2/shop.git");
        assertThatThrownBy(() -> store.start("globex", "c1", NOW, STALE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_refuse_a_page_size_when_it_is_out_of_range() {
        assertThatThrownBy(() -> store.list("acme", null, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("limit");
    }

    protected static Conversion requested(String tenant, String id, String source, Instant at) {
        return Conversion.requested(tenant, id, source, "main", null, at);
    }
}
