package dev.ragfn.shield.policy;

import dev.ragfn.shield.Decision;
import dev.ragfn.shield.detect.Detector;

/** A detector to run and what to do with its findings. */
public record PolicyRule(Detector detector, Decision decision) {
}
