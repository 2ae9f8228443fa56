package dev.ragfn.convert;

import dev.ragfn.convert.source.SilentServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversions waiting on a Git server that never answers do not freeze the server: they run on
 * threads of their own, at most ragfn.convert.max-concurrent at once, and end at the clone
 * timeout. Quarkus's worker pool is made small here, as a flood would make it in production.
 * Bounds are generous ("answers", not "answers fast"); the machine may be busy.
 */
@QuarkusTest
@TestProfile(ConvertConcurrencyTest.SmallPools.class)
class ConvertConcurrencyTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** Long enough that on a busy machine the flood still arrives while both slots are held. */
    private static final Duration CLONE_TIMEOUT = Duration.ofSeconds(20);

    public static class SmallPools implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ragfn.convert.max-concurrent", "2",
                    "ragfn.convert.clone-timeout", CLONE_TIMEOUT.toSeconds() + "s",
                    "ragfn.convert.git-read-timeout", "60s",
                    "quarkus.thread-pool.max-threads", "4");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(LoopbackGitAccess.class);
        }
    }

    /** The status, kind and message of one answer, and how long it took. */
    private record Answer(int status, String kind, String message, Duration took) {
    }

    private static Answer convert(String source) {
        long start = System.nanoTime();
        Response response = given().contentType("application/json").body(Map.of("source", source)).post("/convert");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Answer(response.statusCode(), response.jsonPath().getString("kind"), response.jsonPath().getString("message"), took);
    }

    @Test
    void should_keep_health_answering_and_refuse_extra_conversions_at_once_when_a_git_server_never_answers() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (SilentServer peer = SilentServer.silent()) {
            String source = "http://127.0.0.1:" + peer.port() + "/repo.git";

            // given: two conversions hold both slots, each connected to the silent peer
            List<Future<Answer>> held = List.of(clients.submit(() -> convert(source)), clients.submit(() -> convert(source)));
            long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (peer.connections() < 2 && System.nanoTime() < waitUntil) {
                Thread.sleep(50);
            }
            assertThat(peer.connections()).isEqualTo(2);

            // when: health is asked, and a flood of further conversions arrives
            long start = System.nanoTime();
            int health = given().get("/q/health").statusCode();
            Duration healthTook = Duration.ofNanos(System.nanoTime() - start);
            List<Future<Answer>> flood = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                flood.add(clients.submit(() -> convert(source)));
            }

            // then: health answers, the flood is refused at once with a retryable error, nothing more reaches the peer
            assertThat(health).isEqualTo(200);
            assertThat(healthTook).isLessThan(PROMPTLY);
            for (Future<Answer> refused : flood) {
                Answer answer = refused.get();
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.kind()).isEqualTo("UNAVAILABLE");
                assertThat(answer.message()).contains("ragfn.convert.max-concurrent");
                assertThat(answer.took()).as("refused after %s", answer.took()).isLessThan(PROMPTLY);
            }
            // and the two held ones end with a time-out at the clone timeout
            for (Future<Answer> timedOut : held) {
                Answer answer = timedOut.get();
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.kind()).isEqualTo("UNAVAILABLE");
                assertThat(answer.message()).contains("timed out").contains("127.0.0.1");
                assertThat(answer.took()).isLessThan(CLONE_TIMEOUT.plus(Duration.ofSeconds(15)));
            }
            assertThat(peer.connections()).isEqualTo(2);
        } finally {
            clients.shutdownNow();
        }
    }
}
