package dev.ragfn.shield.eval;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;
import dev.ragfn.shield.eval.PublicSets.Split;

import java.util.List;

/** Lists the training examples the detectors got wrong, to see what to fix; the test part is never listed. */
final class TrainMisses {

    private TrainMisses() {
    }

    static void print(ShieldQuality quality, PublicSets.Sets sets) {
        Detector injection = quality.detectors().get("prompt-injection");
        for (var example : sets.injection()) {
            if (example.split() != Split.TRAIN) continue;
            boolean fired = !injection.detect(ShieldRequest.input(example.text(), null, null)).isEmpty(); // rules only
            if (fired != example.injection()) {
                System.out.println("injection " + (fired ? "FP " : "FN ") + oneLine(example.text()));
            }
        }
        for (var example : sets.pii()) {
            if (example.split() != Split.TRAIN) continue;
            ShieldRequest request = ShieldRequest.input(example.text(), null, null);
            for (Detector detector : quality.detectors().values()) {
                if (detector.category() != Category.PII) continue;
                for (Finding f : detector.detect(request)) {
                    boolean gold = example.spans().stream().anyMatch(g -> g.start() < f.end() && f.start() < g.end()
                            && ShieldQuality.PII_TYPES.getOrDefault(g.type(), List.of()).contains(detector.id()));
                    if (!gold) {
                        System.out.println("pii FP " + detector.id() + " [" + example.text().substring(f.start(), f.end())
                                + "] in " + oneLine(example.text()));
                    }
                }
            }
            for (var g : example.spans()) {
                List<String> ids = ShieldQuality.PII_TYPES.get(g.type());
                if (ids == null) continue;
                boolean found = ids.stream().flatMap(id -> quality.detectors().get(id).detect(request).stream())
                        .anyMatch(f -> g.start() < f.end() && f.start() < g.end());
                if (!found) {
                    System.out.println("pii FN " + g.type() + " [" + example.text().substring(g.start(), g.end()) + "]");
                }
            }
        }
        for (var example : sets.secrets()) {
            if (example.split() != Split.TRAIN) continue;
            boolean fired = quality.firesSecret(example.text());
            if (fired != example.secret()) {
                System.out.println("secret " + (fired ? "FP " : "FN ") + example.type() + " " + oneLine(example.text()));
            }
        }
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
