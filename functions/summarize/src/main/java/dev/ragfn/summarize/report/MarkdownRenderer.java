package dev.ragfn.summarize.report;

import java.util.List;

/** The Markdown form of a report: a heading, then one section per part of the prose. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(Report report) {
        Findings f = report.findings();
        ReportSections s = report.sections();
        StringBuilder md = new StringBuilder()
                .append("# Serving summary: ").append(f.scope()).append("\n\n")
                .append(Format.time(f.windowStart())).append(" to ").append(Format.time(f.windowEnd()))
                .append(" · health ").append(f.healthScore() == null ? "unknown" : f.healthScore() + "/100")
                .append(" · status ").append(f.status().name().toLowerCase().replace('_', ' '))
                .append("\n\n## Summary\n\n").append(s.summary()).append('\n');
        section(md, "Key metrics", s.keyMetrics());
        section(md, "Trends", s.trends());
        section(md, "Anomalies", s.anomalies());
        section(md, "Recommendations", s.recommendations());
        section(md, "Top attention items", s.attention());
        md.append("\n---\nWritten by the ").append(report.writer()).append(" writer from ").append(f.queryCount())
                .append(" Prometheus requests.\n");
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<String> lines) {
        md.append("\n## ").append(title).append("\n\n");
        if (lines.isEmpty()) {
            md.append("None.\n");
        }
        lines.forEach(line -> md.append("- ").append(line).append('\n'));
    }
}
