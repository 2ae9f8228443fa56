package dev.ragfn.shield.eval;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;
import dev.ragfn.shield.eval.PublicSets.GoldSpan;
import dev.ragfn.shield.eval.PublicSets.InjectionExample;
import dev.ragfn.shield.eval.PublicSets.PiiExample;
import dev.ragfn.shield.eval.PublicSets.SecretExample;
import dev.ragfn.shield.eval.PublicSets.Split;
import dev.ragfn.shield.policy.DefaultPolicy;
import dev.ragfn.shield.policy.DetectorCatalog;
import dev.ragfn.shield.policy.ShieldPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scores the default detectors on the public sets and prints one table: prompt-injection precision/recall per
 * example; PII precision/recall/F2 per span, per type and overall; secrets precision/recall per example.
 * <p>
 * A PII span is found when a detector of the gold type reports a span overlapping it; a reported span that
 * overlaps no gold span of its type is a false positive. Gold types without a ragfn detector (PERSON,
 * STREET_ADDRESS ...) are not scored; spans of PII detectors without a gold type (uk-nino) count as false
 * positives overall. A secrets example is flagged when any secret detector fires on it.
 * <p>
 * Run (from the repository root): see README, "Shield quality".
 */
public final class ShieldQuality {

    /** Gold PII type → the detector ids that report it. */
    public static final Map<String, List<String>> PII_TYPES = piiTypes();

    public record Row(String set, String metric, Split split, int tp, int fp, int fn) {

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f2() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
        }

        public int support() {
            return tp + fn;
        }
    }

    private final Map<String, Detector> detectors = new LinkedHashMap<>();

    public ShieldQuality() {
        ShieldPolicy policy = DefaultPolicy.load();
        for (String id : DetectorCatalog.ids()) {
            if (id.equals("guard-model")) {
                continue;
            }
            Detector detector = DetectorCatalog.create(id, policy, Optional.empty());
            if (detector.category() == Category.PII || detector.category() == Category.SECRET
                    || detector.category() == Category.PROMPT_INJECTION) {
                detectors.put(id, detector);
            }
        }
    }

    public List<Row> score(PublicSets.Sets sets) {
        List<Row> rows = new ArrayList<>();
        for (String way : List.of("rules", "classifier", "rules or classifier")) {
            for (Split split : Split.values()) {
                rows.add(injection(sets.injection(), split, way));
            }
        }
        for (Split split : Split.values()) {
            rows.addAll(pii(sets.pii(), split));
        }
        for (Split split : Split.values()) {
            rows.add(secrets(sets.secrets(), split));
        }
        return rows;
    }

    /** {@code way}: rules (prompt-injection), classifier (prompt-injection-classifier), or either of them. */
    public Row injection(List<InjectionExample> examples, Split split, String way) {
        Detector rules = detectors.get("prompt-injection");
        Detector classifier = detectors.get("prompt-injection-classifier");
        int tp = 0, fp = 0, fn = 0;
        for (InjectionExample example : examples) {
            if (example.split() != split) {
                continue;
            }
            ShieldRequest request = ShieldRequest.input(example.text(), null, null);
            boolean byRules = !way.equals("classifier") && !rules.detect(request).isEmpty();
            boolean fired = byRules || !way.equals("rules") && !classifier.detect(request).isEmpty();
            if (fired && example.injection()) tp++;
            else if (fired) fp++;
            else if (example.injection()) fn++;
        }
        return new Row("prompt-injection", way, split, tp, fp, fn);
    }

    public List<Row> pii(List<PiiExample> examples, Split split) {
        Map<String, int[]> counts = new TreeMap<>();
        PII_TYPES.keySet().forEach(type -> counts.put(type, new int[3]));
        counts.put("(no gold type)", new int[3]);
        for (PiiExample example : examples) {
            if (example.split() != split) {
                continue;
            }
            ShieldRequest request = ShieldRequest.input(example.text(), null, null);
            Map<String, List<Finding>> found = new LinkedHashMap<>();
            for (Detector detector : detectors.values()) {
                if (detector.category() == Category.PII) {
                    found.put(detector.id(), detector.detect(request));
                }
            }
            for (var type : PII_TYPES.entrySet()) {
                List<GoldSpan> gold = example.spans().stream().filter(s -> s.type().equals(type.getKey())).toList();
                List<Finding> predicted = type.getValue().stream().flatMap(id -> found.get(id).stream()).toList();
                int[] c = counts.get(type.getKey());
                for (GoldSpan g : gold) {
                    if (predicted.stream().anyMatch(p -> overlaps(p, g))) c[0]++;
                    else c[2]++;
                }
                for (Finding p : predicted) {
                    if (gold.stream().noneMatch(g -> overlaps(p, g))) c[1]++;
                }
            }
            found.forEach((id, findings) -> {
                if (PII_TYPES.values().stream().noneMatch(ids -> ids.contains(id))) {
                    counts.get("(no gold type)")[1] += findings.size();
                }
            });
        }
        List<Row> rows = new ArrayList<>();
        int[] all = new int[3];
        counts.forEach((type, c) -> {
            rows.add(new Row("pii", type, split, c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) all[i] += c[i];
        });
        rows.add(new Row("pii", "OVERALL", split, all[0], all[1], all[2]));
        return rows;
    }

    public Row secrets(List<SecretExample> examples, Split split) {
        int tp = 0, fp = 0, fn = 0;
        for (SecretExample example : examples) {
            if (example.split() != split) {
                continue;
            }
            boolean fired = firesSecret(example.text());
            if (fired && example.secret()) tp++;
            else if (fired) fp++;
            else if (example.secret()) fn++;
        }
        return new Row("secrets", "any secret", split, tp, fp, fn);
    }

    boolean firesSecret(String text) {
        ShieldRequest request = ShieldRequest.input(text, null, null);
        return detectors.values().stream()
                .anyMatch(d -> d.category() == Category.SECRET && !d.detect(request).isEmpty());
    }

    Map<String, Detector> detectors() {
        return detectors;
    }

    private static boolean overlaps(Finding finding, GoldSpan gold) {
        return finding.start() < gold.end() && gold.start() < finding.end();
    }

    public static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-17s %-20s %-5s %7s %5s %5s %5s %9s %7s %6s%n",
                "set", "metric", "split", "support", "tp", "fp", "fn", "precision", "recall", "F2"));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "%-17s %-20s %-5s %7d %5d %5d %5d %9.3f %7.3f %6.3f%n",
                    row.set(), row.metric(), row.split().name().toLowerCase(Locale.ROOT), row.support(),
                    row.tp(), row.fp(), row.fn(), row.precision(), row.recall(), row.f2()));
        }
        return table.toString();
    }

    private static Map<String, List<String>> piiTypes() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("EMAIL_ADDRESS", List.of("email"));
        types.put("PHONE_NUMBER", List.of("phone"));
        types.put("CREDIT_CARD", List.of("payment-card"));
        types.put("IBAN_CODE", List.of("iban"));
        types.put("US_SSN", List.of("us-ssn"));
        types.put("IP_ADDRESS", List.of("ipv4-address", "ipv6-address"));
        return types;
    }

    /**
     * Usage: {@code ShieldQuality [folder ...] [--misses]}: folders default to ../shared/eval/shield. With
     * {@code --misses}, also lists what the detectors got wrong on the TRAIN part only (the test part is only
     * ever counted).
     */
    public static void main(String[] args) {
        List<Path> folders = new ArrayList<>();
        boolean misses = false;
        for (String arg : args) {
            if (arg.equals("--misses")) misses = true;
            else folders.add(Path.of(arg));
        }
        if (folders.isEmpty()) {
            folders.add(PublicSets.defaultFolder().orElseThrow(() ->
                    new IllegalArgumentException("No evaluation folder given and ../shared/eval/shield not found")));
        }
        ShieldQuality quality = new ShieldQuality();
        for (Path folder : folders) {
            PublicSets.Sets sets = PublicSets.read(folder);
            System.out.printf(Locale.ROOT, "%s: %d injection, %d PII, %d secrets examples%n", folder,
                    sets.injection().size(), sets.pii().size(), sets.secrets().size());
            System.out.print(table(quality.score(sets)));
            if (misses) {
                TrainMisses.print(quality, sets);
            }
        }
    }
}
