package dev.ragfn.summarize;

import dev.ragfn.core.error.RagfnException;
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
 * does (one request per metric), analyses the series and has the writer word the findings.
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
                data.add(new MetricData(metric, null, null, List.of(), "not in Prometheus for this scope"));
                continue;
            }
            String query = catalog.query(metric, source, scope, window.rateRange());
            try {
                requests++;
                List<RangeSeries> result = prometheus.queryRange(query, window.start(), window.end(), window.step());
                data.add(result.isEmpty()
                        ? new MetricData(metric, source, query, List.of(), "no samples in the window")
                        : new MetricData(metric, source, query, result.getFirst().samples(), null));
            } catch (PrometheusException e) {
                if (e.kind() == RagfnException.Kind.UNAVAILABLE) {
                    return analyzer.unavailable(scope.id(), window, e.getMessage(), requests);
                }
                data.add(new MetricData(metric, source, query, List.of(), "query failed: " + e.getMessage()));
            }
        }
        return analyzer.analyze(scope.id(), window, data, requests);
    }
}
