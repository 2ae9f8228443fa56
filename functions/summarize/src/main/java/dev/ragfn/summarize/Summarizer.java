package dev.ragfn.summarize;

import dev.ragfn.core.error.RagfnException;
import dev.ragfn.summarize.analysis.DailyBaseline;
import dev.ragfn.summarize.analysis.Sample;
import dev.ragfn.summarize.metrics.Metric;
import dev.ragfn.summarize.metrics.MetricCatalog;
import dev.ragfn.summarize.metrics.Scope;
import dev.ragfn.summarize.prometheus.PrometheusClient;
import dev.ragfn.summarize.prometheus.PrometheusClient.RangeSeries;
import dev.ragfn.summarize.prometheus.PrometheusException;
import dev.ragfn.summarize.report.Findings;
import dev.ragfn.summarize.report.Report;
import dev.ragfn.summarize.report.ReportWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Produces one report: finds which metrics exist in the scope (one request), queries each that
 * does over the window and the day before it (one request per metric), analyses the series and
 * has the writer word the findings.
 * Prometheus being unreachable yields a report that says so, not an exception.
 */
public final class Summarizer {

    private final PrometheusClient prometheus;
    private final MetricCatalog catalog;
    private final MetricsAnalyzer analyzer;
    private final ReportWriter writer;

    Summarizer(PrometheusClient prometheus, MetricCatalog catalog, MetricsAnalyzer analyzer, ReportWriter writer) {
        this.prometheus = prometheus;
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.writer = writer;
    }

    public Report summarize(Scope scope, Window window) {
        Findings findings = findings(scope, window);
        return new Report(findings, writer.write(findings), writer.name());
    }

    private Findings findings(Scope scope, Window window) {
        int requests = 0;
        Set<String> present;
        try {
            requests++;
            present = prometheus.metricNames(catalog.discoverySelectors(scope), window.start(), window.end());
        } catch (PrometheusException e) {
            return analyzer.unavailable(scope.id(), window, e.getMessage(), requests);
        }
        List<MetricData> data = new ArrayList<>();
        for (Metric metric : catalog.metrics()) {
            String source = metric.sources().stream().filter(present::contains).findFirst().orElse(null);
            if (source == null) {
                data.add(MetricData.without(metric, null, null, "not in Prometheus for this scope"));
                continue;
            }
            String query = catalog.query(metric, source, scope, window.rateRange());
            try {
                requests++;
                // One request for the window and the day before it, the daily baseline.
                List<RangeSeries> result = prometheus.queryRange(query, window.start().minus(DailyBaseline.DAY),
                        window.end(), window.step());
                List<Sample> samples = result.isEmpty() ? List.of() : result.getFirst().samples();
                List<Sample> inWindow = samples.stream().filter(x -> !x.time().isBefore(window.start())).toList();
                List<Sample> dayBefore = samples.stream().filter(x -> x.time().isBefore(window.start())).toList();
                data.add(inWindow.isEmpty()
                        ? MetricData.without(metric, source, query, "no samples in the window")
                        : new MetricData(metric, source, query, inWindow, dayBefore, null));
            } catch (PrometheusException e) {
                if (e.kind() == RagfnException.Kind.UNAVAILABLE) {
                    return analyzer.unavailable(scope.id(), window, e.getMessage(), requests);
                }
                data.add(MetricData.without(metric, source, query, "query failed: " + e.getMessage()));
            }
        }
        return analyzer.analyze(scope.id(), window, data, requests);
    }
}
