package dev.ragfn.summarize;

import dev.ragfn.summarize.analysis.Anomaly;
import dev.ragfn.summarize.analysis.AnomalyDetector;
import dev.ragfn.summarize.analysis.Correlations;
import dev.ragfn.summarize.analysis.DailyBaseline;
import dev.ragfn.summarize.analysis.LimitCrossings;
import dev.ragfn.summarize.analysis.Sample;
import dev.ragfn.summarize.analysis.Stats;
import dev.ragfn.summarize.analysis.Trend;
import dev.ragfn.summarize.analysis.TrendDetector;
import dev.ragfn.summarize.metrics.Metric;
import dev.ragfn.summarize.metrics.MetricCatalog;
import dev.ragfn.summarize.report.CorrelationFinding;
import dev.ragfn.summarize.report.Deduction;
import dev.ragfn.summarize.report.Findings;
import dev.ragfn.summarize.report.Format;
import dev.ragfn.summarize.report.MetricFindings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns fetched series into findings: per-metric statistics, trend and incidents, the notable
 * correlations, a health score with its reasons, and the recommendations that follow from them.
 */
final class MetricsAnalyzer {

    /** Correlations weaker than this are not worth a line, however significant. */
    private static final double MIN_CORRELATION = 0.5;
    private static final double CORRELATION_SIGNIFICANCE = 0.001;
    private static final int ATTENTION_ITEMS = 5;

    private final MetricCatalog catalog;
    private final AnomalyDetector anomalyDetector;
    private final TrendDetector trendDetector;

    MetricsAnalyzer(MetricCatalog catalog, AnomalyDetector anomalyDetector, TrendDetector trendDetector) {
        this.catalog = catalog;
        this.anomalyDetector = anomalyDetector;
        this.trendDetector = trendDetector;
    }

    Findings analyze(String scope, Window window, List<MetricData> data, int queryCount) {
        List<MetricFindings> metrics = new ArrayList<>();
        Map<String, List<Sample>> seriesByName = new LinkedHashMap<>();
        List<Deduction> deductions = new ArrayList<>();
        Set<String> advice = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> withoutDailyBaseline = new ArrayList<>();
        for (MetricData d : data) {
            MetricFindings findings = analyze(d);
            metrics.add(findings);
            if (d.source() == null) {
                missing.add(d.metric().name());
            } else if (!findings.hasData()) {
                problems.add(d.metric().title() + ": " + findings.note());
            } else {
                seriesByName.put(d.metric().name(), d.samples());
                if (!findings.dailyBaseline()) {
                    withoutDailyBaseline.add(d.metric().name());
                }
                if (findings.stats().nonFiniteSamples() > 0) {
                    problems.add(d.metric().title() + ": " + findings.stats().nonFiniteSamples()
                            + " NaN or infinite samples were left out of the analysis");
                }
            }
            List<Deduction> lost = deductions(d.metric(), findings);
            if (!lost.isEmpty() && d.metric().advice() != null) {
                advice.add(d.metric().advice());
            }
            deductions.addAll(lost);
        }
        if (!withoutDailyBaseline.isEmpty()) {
            problems.add("No samples a day before the window for " + String.join(", ", withoutDailyBaseline)
                    + ": their trends and incidents are judged without removing the daily load cycle");
        }
        List<CorrelationFinding> correlations = correlations(seriesByName, metrics);
        boolean anyData = metrics.stream().anyMatch(MetricFindings::hasData);
        if (!missing.isEmpty() && anyData) {
            advice.add("Some metrics are not in Prometheus for this scope (" + String.join(", ", missing)
                    + "): scrape vLLM's /metrics and the DCGM exporter, and check the namespace and model labels.");
        }
        deductions.sort(Comparator.comparingInt(Deduction::points).reversed()
                .thenComparing(Deduction::at, Comparator.nullsLast(Comparator.naturalOrder())));
        Findings.Status status = !anyData ? Findings.Status.NO_DATA
                : metrics.stream().allMatch(MetricFindings::hasData) ? Findings.Status.COMPLETE : Findings.Status.PARTIAL;
        Integer score = anyData ? Math.max(0, 100 - deductions.stream().mapToInt(Deduction::points).sum()) : null;
        List<String> recommendations = new ArrayList<>();
        correlations.stream().filter(c -> hasIncidents(metrics, c.correlation().first()) && hasIncidents(metrics, c.correlation().second()))
                .forEach(c -> recommendations.add(capitalise(c.meaning()) + "; treat the correlated incidents as one."));
        recommendations.addAll(advice);
        return new Findings(scope, window.start(), window.end(), window.step(), status, score, deductions, metrics,
                correlations, recommendations, deductions.stream().limit(ATTENTION_ITEMS).toList(), problems, missing,
                queryCount);
    }

    /** Findings when the source could not be read at all. */
    Findings unavailable(String scope, Window window, String problem, int queryCount) {
        return new Findings(scope, window.start(), window.end(), window.step(), Findings.Status.SOURCE_UNAVAILABLE,
                null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(problem), List.of(), queryCount);
    }

    private MetricFindings analyze(MetricData d) {
        Metric m = d.metric();
        Stats stats = Stats.of(d.samples()).orElse(null);
        if (stats == null) {
            return new MetricFindings(m.name(), m.title(), m.unit(), d.source(), d.query(), m.limit(), null, false, null,
                    List.of(), d.note() != null ? d.note() : "no finite samples in the window");
        }
        double[] expected = DailyBaseline.expected(d.samples(), d.dayBefore()).orElse(null);
        List<Anomaly> anomalies = anomalyDetector.detect(d.samples(), expected, m.minChange());
        if (m.limit() != null) {
            anomalies = LimitCrossings.merge(anomalies, d.samples(), m.limit());
        }
        // The trend describes the baseline, so the incidents' samples do not bend it; with a daily
        // baseline it is the trend of the difference to the day before, free of the daily cycle.
        List<Anomaly> incidents = anomalies;
        List<Sample> baseline = new ArrayList<>();
        for (int i = 0; i < d.samples().size(); i++) {
            Sample s = d.samples().get(i);
            if (s.finite() && incidents.stream().noneMatch(a -> a.overlaps(s.time(), s.time()))) {
                baseline.add(expected == null ? s : new Sample(s.time(), s.value() - expected[i]));
            }
        }
        Trend trend = trendDetector.detect(baseline, m.minChange(), expected == null ? null : stats.mean()).orElse(null);
        return new MetricFindings(m.name(), m.title(), m.unit(), d.source(), d.query(), m.limit(), stats,
                expected != null, trend, anomalies, null);
    }

    private static List<Deduction> deductions(Metric m, MetricFindings f) {
        if (m.weight() == 0 || !f.hasData()) {
            return List.of();
        }
        List<Deduction> result = new ArrayList<>();
        for (Anomaly a : f.anomalies()) {
            int sign = a.kind() == Anomaly.Kind.DROP ? -1 : 1;
            if (m.adverse(sign) || a.aboveLimitFrom() != null) {
                result.add(new Deduction(m.weight(), m.name(), reason(m, a), a.start()));
            }
        }
        Trend t = f.trend();
        if (t != null && t.significant() && m.adverse(t.direction() == Trend.Direction.RISING ? 1 : -1)) {
            result.add(new Deduction((m.weight() + 1) / 2, m.name(), m.title() + " " + t.direction().name()
                    .toLowerCase(Locale.ROOT) + " by " + Format.value(Math.abs(t.change()), m.unit()) + " over the window"
                    + (f.dailyBaseline() ? " compared with the day before" : ""), null));
        }
        // One metric cannot sink the score alone: at most twice its weight.
        int budget = 2 * m.weight();
        List<Deduction> capped = new ArrayList<>();
        for (Deduction d : result) {
            int points = Math.min(d.points(), budget);
            if (points > 0) {
                capped.add(new Deduction(points, d.metric(), d.reason(), d.at()));
            }
            budget -= points;
        }
        return capped;
    }

    private static String reason(Metric m, Anomaly a) {
        String what = switch (a.kind()) {
            case ABOVE_LIMIT -> m.title() + " at or above " + Format.value(m.limit(), m.unit()) + ", up to "
                    + Format.value(a.peak().value(), m.unit());
            case PLATEAU -> m.title() + " plateau at " + Format.value(a.peak().value(), m.unit())
                    + " (baseline " + Format.value(a.baseline(), m.unit()) + ")";
            default -> m.title() + " " + a.kind().name().toLowerCase(Locale.ROOT) + " to "
                    + Format.value(a.peak().value(), m.unit()) + " (baseline " + Format.value(a.baseline(), m.unit()) + ")";
        };
        if (a.kind() == Anomaly.Kind.ABOVE_LIMIT || a.aboveLimitFrom() == null) {
            return what;
        }
        return what + ", above " + Format.value(m.limit(), m.unit())
                + (a.aboveLimitFrom().equals(a.start()) ? "" : " from " + Format.time(a.aboveLimitFrom()));
    }

    /**
     * The strong, significant correlations of the catalog's pairings. A pairing that names a cause
     * says so only when the metric showing that cause has a positive sample.
     */
    private List<CorrelationFinding> correlations(Map<String, List<Sample>> series, List<MetricFindings> metrics) {
        List<CorrelationFinding> result = new ArrayList<>();
        for (MetricCatalog.Pairing pairing : catalog.pairings()) {
            List<Sample> first = series.get(pairing.first());
            List<Sample> second = series.get(pairing.second());
            if (first == null || second == null) {
                continue;
            }
            boolean caused = pairing.evidence() == null || metrics.stream()
                    .anyMatch(m -> m.name().equals(pairing.evidence()) && m.hasData() && m.stats().max() > 0);
            Correlations.pearson(pairing.first(), first, pairing.second(), second)
                    .filter(c -> c.coefficient() >= MIN_CORRELATION && c.pValue() < CORRELATION_SIGNIFICANCE)
                    .ifPresent(c -> result.add(new CorrelationFinding(c, caused ? pairing.meaning() : pairing.withoutEvidence())));
        }
        return result;
    }

    private static boolean hasIncidents(List<MetricFindings> metrics, String name) {
        return metrics.stream().anyMatch(m -> m.name().equals(name) && !m.anomalies().isEmpty());
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
