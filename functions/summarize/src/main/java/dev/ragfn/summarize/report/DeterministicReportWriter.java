package dev.ragfn.summarize.report;

import dev.ragfn.summarize.analysis.Anomaly;
import dev.ragfn.summarize.analysis.Stats;
import dev.ragfn.summarize.analysis.Trend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Writes every section from the findings with fixed sentences: the writer when no chat model is configured. */
public final class DeterministicReportWriter implements ReportWriter {

    @Override
    public String name() {
        return "deterministic";
    }

    @Override
    public ReportSections write(Findings f) {
        return new ReportSections(summary(f), keyMetrics(f), trends(f), anomalies(f), f.recommendations(),
                f.attention().stream().map(DeterministicReportWriter::attention).toList());
    }

    private static String summary(Findings f) {
        String window = Format.time(f.windowStart()) + " to " + Format.time(f.windowEnd()) + " ("
                + Format.duration(Duration.between(f.windowStart(), f.windowEnd())) + ", one point every "
                + Format.duration(f.step()) + ")";
        return switch (f.status()) {
            case SOURCE_UNAVAILABLE -> "No summary for " + f.scope() + " over " + window
                    + ": the metrics source could not be read. " + String.join(" ", f.problems());
            case NO_DATA -> "No metric of " + f.scope() + " has samples from " + window
                    + ". Check that the scope is right and that vLLM and the DCGM exporter are scraped.";
            case COMPLETE, PARTIAL -> {
                long incidents = f.metrics().stream().mapToLong(m -> m.anomalies().size()).sum();
                long trends = f.metrics().stream().filter(m -> m.trend() != null && m.trend().significant()).count();
                StringBuilder text = new StringBuilder("Health " + f.healthScore() + "/100 for " + f.scope() + " from "
                        + window + ". " + count(incidents, "incident") + " and " + count(trends, "significant trend")
                        + " across " + f.metrics().stream().filter(MetricFindings::hasData).count() + " metrics.");
                if (!f.attention().isEmpty()) {
                    text.append(" Most pressing: ").append(f.attention().getFirst().reason()).append('.');
                }
                if (!f.missingMetrics().isEmpty()) {
                    text.append(" Not available: ").append(String.join(", ", f.missingMetrics())).append('.');
                }
                yield text.toString();
            }
        };
    }

    private static List<String> keyMetrics(Findings f) {
        List<String> lines = new ArrayList<>();
        for (MetricFindings m : f.metrics()) {
            if (!m.hasData()) {
                continue;
            }
            Stats s = m.stats();
            String line = m.title() + ": latest " + Format.value(s.latest(), m.unit()) + ", mean "
                    + Format.value(s.mean(), m.unit()) + ", min " + Format.value(s.min(), m.unit()) + ", max "
                    + Format.value(s.max(), m.unit()) + ", p50/p95/p99 " + Format.value(s.p50(), m.unit()) + " / "
                    + Format.value(s.p95(), m.unit()) + " / " + Format.value(s.p99(), m.unit());
            if (s.nonFiniteSamples() > 0) {
                line += " (" + count(s.nonFiniteSamples(), "NaN or infinite sample") + " left out)";
            }
            lines.add(line);
        }
        return lines;
    }

    private static List<String> trends(Findings f) {
        List<String> lines = new ArrayList<>();
        for (MetricFindings m : f.metrics()) {
            Trend t = m.trend();
            if (t != null && t.significant()) {
                lines.add(m.title() + " " + t.direction().name().toLowerCase() + ": " + signed(t.change(), m.unit())
                        + " over the window (" + signed(t.slopePerHour(), m.unit()) + " per hour, "
                        + Format.pValue(t.pValue()) + ")" + (m.dailyBaseline() ? ", compared with the same hours a day earlier" : ""));
            }
        }
        if (lines.isEmpty() && f.metrics().stream().anyMatch(MetricFindings::hasData)) {
            lines.add("No metric moved significantly over the window.");
        }
        for (CorrelationFinding c : f.correlations()) {
            lines.add(title(f, c.correlation().first()) + " and " + title(f, c.correlation().second())
                    + " move together (r = " + Format.number(c.correlation().coefficient()) + ", "
                    + Format.pValue(c.correlation().pValue()) + "): " + c.meaning() + ".");
        }
        return lines;
    }

    private static List<String> anomalies(Findings f) {
        List<String> lines = new ArrayList<>();
        for (MetricFindings m : f.metrics()) {
            for (Anomaly a : m.anomalies()) {
                lines.add(describe(m, a));
            }
        }
        if (lines.isEmpty() && f.metrics().stream().anyMatch(MetricFindings::hasData)) {
            lines.add("No spikes, drops or plateaus.");
        }
        return lines;
    }

    static String describe(MetricFindings m, Anomaly a) {
        String span = Format.time(a.start()) + (a.ongoing() ? " until the end of the window" : " to " + Format.time(a.end()));
        String level = Format.value(a.peak().value(), m.unit()) + " at " + Format.time(a.peak().time())
                + " against a baseline of " + Format.value(a.baseline(), m.unit());
        String text = switch (a.kind()) {
            case SPIKE -> m.title() + " spiked " + span + ": peak " + level;
            case DROP -> m.title() + " dropped " + span + ": low " + level;
            case PLATEAU -> m.title() + " rose from " + Format.time(a.start()) + " and stayed flat at "
                    + Format.value(a.peak().value(), m.unit()) + " from " + Format.time(a.flatSince())
                    + (a.ongoing() ? " until the end of the window" : " to " + Format.time(a.end()))
                    + ", against a baseline of " + Format.value(a.baseline(), m.unit());
            case ABOVE_LIMIT -> m.title() + " was at or above its limit of " + Format.value(m.limit(), m.unit()) + " "
                    + span + ": peak " + Format.value(a.peak().value(), m.unit()) + " at " + Format.time(a.peak().time());
        };
        return a.kind() != Anomaly.Kind.ABOVE_LIMIT && a.aboveLimitFrom() != null
                ? text + "; at or above its limit of " + Format.value(m.limit(), m.unit()) + " from " + Format.time(a.aboveLimitFrom())
                : text;
    }

    private static String attention(Deduction d) {
        return d.reason() + (d.at() == null ? "" : " (from " + Format.time(d.at()) + ")") + " [-" + d.points() + "]";
    }

    private static String title(Findings f, String metric) {
        return f.metrics().stream().filter(m -> m.name().equals(metric)).map(MetricFindings::title)
                .findFirst().orElse(metric);
    }

    private static String signed(double value, String unit) {
        return (value >= 0 ? "+" : "") + Format.value(value, unit);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
