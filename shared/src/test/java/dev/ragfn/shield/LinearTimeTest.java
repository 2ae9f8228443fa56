package dev.ragfn.shield;

import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.policy.DefaultPolicy;
import dev.ragfn.shield.policy.DetectorCatalog;
import dev.ragfn.shield.policy.ShieldPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile inputs shaped to make backtracking regexes explode: long runs of the characters each
 * pattern accepts, with the one character that makes the match fail at the end. The bound is
 * generous; it catches exponential or quadratic blow-up, it does not measure speed.
 */
class LinearTimeTest {

    private static final int LENGTH = 100_000;
    private static final Duration BOUND = Duration.ofSeconds(2);

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

        // when / then
        assertTimeoutPreemptively(BOUND, () -> detectors.forEach(detector -> detector.detect(request)));
    }
}
