package dev.ragfn.convert.source;

import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.runtime.net.AddressPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Git server that never answers, or answers forever, cannot hold a clone past its bounds. The
 * bounds are short and the margins generous: the tests tell "ends" from "hangs", not timings.
 */
class GitDeadlineTest {

    private static final Duration MARGIN = Duration.ofSeconds(15);

    private static final AddressPolicy LOOPBACK = AddressPolicy.publicOnly(host -> {
        if (!host.equals("git.example")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }).allowingLoopback();

    @TempDir
    Path dir;

    private StoreUnavailableException cloneFrom(SilentServer server, Duration cloneTimeout, Duration readTimeout) {
        GitCloner cloner = new GitCloner(new SourceLimits(20_000, 1024 * 1024, 1024 * 1024, cloneTimeout, Duration.ofMillis(250)),
                GitAccess.publicHttp(LOOPBACK, false, readTimeout));
        return catchThrowableOfType(StoreUnavailableException.class, () -> cloner.cloneInto(
                "http://git.example:" + server.port() + "/repo.git", Optional.empty(), dir.resolve("clone")));
    }

    @Test
    void should_time_out_at_the_clone_timeout_when_the_server_accepts_and_never_answers() throws IOException {
        try (SilentServer server = SilentServer.silent()) {
            // given: reads could wait 5 minutes, the clone only 2 s
            long start = System.nanoTime();

            // when
            StoreUnavailableException failure = cloneFrom(server, Duration.ofSeconds(2), Duration.ofMinutes(5));

            // then
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("timed out").contains("git.example").contains("2 s in all");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2).plus(MARGIN));
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void should_time_out_at_the_read_timeout_when_the_server_accepts_and_never_answers() throws IOException {
        try (SilentServer server = SilentServer.silent()) {
            // given
            long start = System.nanoTime();

            // when
            StoreUnavailableException failure = cloneFrom(server, Duration.ofMinutes(5), Duration.ofSeconds(1));

            // then
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1).plus(MARGIN));
        }
    }

    @Test
    void should_time_out_at_the_clone_timeout_when_the_server_trickles_an_answer_that_never_ends() throws IOException {
        try (SilentServer server = SilentServer.trickling()) {
            // given: every read gets a byte well within the read timeout
            long start = System.nanoTime();

            // when
            StoreUnavailableException failure = cloneFrom(server, Duration.ofSeconds(2), Duration.ofSeconds(30));

            // then
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2).plus(MARGIN));
        }
    }
}
