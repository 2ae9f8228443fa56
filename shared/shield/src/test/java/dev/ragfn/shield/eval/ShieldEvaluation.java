package dev.ragfn.shield.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.policy.DefaultPolicy;
import dev.ragfn.shield.policy.DetectorCatalog;
import dev.ragfn.shield.policy.ShieldPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Precision and recall of each detector on a labelled JSONL file, one example per line:
 * {@code {"text": "...", "expected": ["email"]}} (optional {@code direction},
 * {@code systemPrompt}). Each detector runs on its own, whatever a policy would do with it.
 * <p>
 * Usage: {@code java dev.ragfn.shield.eval.ShieldEvaluation examples.jsonl}
 */
public final class ShieldEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Detectors that need terms, a length or a model configured, so a labelled text alone cannot score them. */
    private static final List<String> NOT_EVALUATED = List.of("guard-model", "blocked-words", "blocked-topics", "max-length");

    private final List<Detector> detectors;

    public ShieldEvaluation(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** Every detector that a labelled text can score, built from the default policy. */
    public static ShieldEvaluation ofDefaultDetectors() {
        ShieldPolicy policy = DefaultPolicy.load();
        return new ShieldEvaluation(DetectorCatalog.ids().stream()
                .filter(id -> !NOT_EVALUATED.contains(id))
                .map(id -> DetectorCatalog.create(id, policy, Optional.empty()))
                .toList());
    }

    public static List<LabelledExample> read(Path jsonl) {
        try {
            List<LabelledExample> examples = new ArrayList<>();
            for (String line : Files.readAllLines(jsonl)) {
                if (!line.isBlank()) {
                    examples.add(JSON.readValue(line, LabelledExample.class));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read labelled examples from " + jsonl + ": " + e.getMessage(), e);
        }
    }

    public List<DetectorScore> score(List<LabelledExample> examples) {
        return detectors.stream().map(detector -> score(detector, examples)).toList();
    }

    private static DetectorScore score(Detector detector, List<LabelledExample> examples) {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (LabelledExample example : examples) {
            boolean fired = !detector.detect(example.request()).isEmpty();
            boolean expected = example.expectedDetectors().contains(detector.id());
            if (fired && expected) {
                truePositives++;
            } else if (fired) {
                falsePositives++;
            } else if (expected) {
                falseNegatives++;
            }
        }
        return new DetectorScore(detector.id(), truePositives, falsePositives, falseNegatives);
    }

    /** One line per example a detector got wrong, to see what to fix. */
    public List<String> misses(List<LabelledExample> examples) {
        List<String> misses = new ArrayList<>();
        for (Detector detector : detectors) {
            for (LabelledExample example : examples) {
                boolean fired = !detector.detect(example.request()).isEmpty();
                boolean expected = example.expectedDetectors().contains(detector.id());
                if (fired != expected) {
                    misses.add(String.format(Locale.ROOT, "%-20s %s  %s", detector.id(), fired ? "false positive" : "missed        ",
                            example.text().replace('\n', ' ')));
                }
            }
        }
        return misses;
    }

    public static String table(List<DetectorScore> scores) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-20s %7s %4s %4s %4s %9s %7s%n",
                "detector", "support", "tp", "fp", "fn", "precision", "recall"));
        for (DetectorScore score : scores) {
            table.append(String.format(Locale.ROOT, "%-20s %7d %4d %4d %4d %9.3f %7.3f%n", score.detector(),
                    score.support(), score.truePositives(), score.falsePositives(), score.falseNegatives(),
                    score.precision(), score.recall()));
        }
        return table.toString();
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: ShieldEvaluation <labelled-examples.jsonl>");
            System.exit(2);
        }
        List<LabelledExample> examples = read(Path.of(args[0]));
        System.out.println(examples.size() + " examples from " + args[0]);
        ShieldEvaluation evaluation = ofDefaultDetectors();
        System.out.print(table(evaluation.score(examples)));
        evaluation.misses(examples).forEach(System.out::println);
    }
}
