package dev.ragfn.shield;

import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.policy.DefaultPolicy;
import dev.ragfn.shield.policy.DetectorCatalog;
import dev.ragfn.shield.policy.ShieldPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile inputs shaped to make backtracking regexes explode: long runs of the characters each
 * pattern accepts, with the one character that makes the match fail at the end. The bound is
 * generous; it catches exponential or quadratic blow-up, it does not measure speed. It is on the
 * thread's CPU time, which a machine busy with other work does not inflate; the wall-clock limit
 * only stops a runaway match.
 */
class LinearTimeTest {

    private static final int LENGTH = 100_000;
    private static final Duration CPU_BOUND = Duration.ofSeconds(2);
    private static final Duration WALL_LIMIT = Duration.ofSeconds(60);

    static Stream<String> hostileTexts() {
        return Stream.of(
                "a".repeat(LENGTH) + "!",
                "1".repeat(LENGTH) + "x",
                "1 ".repeat(LENGTH / 2) + "x",
                "1-".repeat(LENGTH / 2),
                "a@".repeat(LENGTH / 2),
                "a.".repeat(LENGTH / 2) + "@",
                "x@" + "a.".repeat(LENGTH / 2) + "1",
                "1.".repeat(LENGTH / 2),
                "ab:".repeat(LENGTH / 3) + "zz",
                "A".repeat(LENGTH) + "=",
                "eyJ".repeat(LENGTH / 3) + ".",
                "eyJa.".repeat(LENGTH / 5),
                "api_key=" + "Ab1".repeat(LENGTH / 3),
                "-----BEGIN PRIVATE KEY-----".repeat(LENGTH / 27),
                "ignore ".repeat(LENGTH / 7) + "instructions",
                "pretend you ".repeat(LENGTH / 12) + "rules",
                "reveal the ".repeat(LENGTH / 11),
                "DE89 ".repeat(LENGTH / 5),
                "+1 (".repeat(LENGTH / 4),
                "word ".repeat(LENGTH / 5));
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void should_finish_quickly_when_every_detector_sees_a_hostile_text(String text) {
        // given
        ShieldPolicy policy = DefaultPolicy.load();
        List<Detector> detectors = DetectorCatalog.ids().stream()
                .filter(id -> !id.equals("guard-model"))
                .map(id -> DetectorCatalog.create(id, policy, Optional.empty()))
                .toList();
        ShieldRequest request = new ShieldRequest(text, Direction.OUTPUT, null, null, text.substring(0, 5_000));

        // when
        Duration cpu = assertTimeoutPreemptively(WALL_LIMIT, () -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            detectors.forEach(detector -> detector.detect(request));
            return Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
        });

        // then
        assertThat(cpu).isLessThan(CPU_BOUND);
    }
}
