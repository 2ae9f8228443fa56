package dev.ragfn.summarize.report;

import java.util.List;

/** The prose of a report, one entry per line or paragraph, in the order the Markdown shows them. */
public record ReportSections(String summary, List<String> keyMetrics, List<String> trends, List<String> anomalies,
                             List<String> recommendations, List<String> attention) {
}
