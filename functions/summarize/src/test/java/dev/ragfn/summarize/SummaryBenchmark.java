package dev.ragfn.summarize;

import dev.ragfn.summarize.metrics.Scope;
import dev.ragfn.summarize.report.Findings;
import dev.ragfn.summarize.report.MarkdownRenderer;
import dev.ragfn.summarize.report.Report;
import dev.ragfn.summarize.testing.SyntheticServing;
import dev.ragfn.summarize.testing.TestPrometheus;
import dev.ragfn.summarize.testing.TestSummarizeConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * How long a summary of 24 hours takes against a real Prometheus, and how many requests it makes.
 * Run it as README.md ("Benchmark") shows; it prints one line per figure.
 */
public final class SummaryBenchmark {

    private static final int WARM_UP_RUNS = 3;
    private static final int RUNS = 10;

    private SummaryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Duration length = Duration.ofHours(24);
        long importStart = System.nanoTime();
        String url = TestPrometheus.start("benchmark-24h", SyntheticServing.openMetrics(length));
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        Summarizer summarizer = SummaryService.summarizer(TestSummarizeConfig.of(Map.of("ragfn.summarize.prometheus-url", url)));
        Scope scope = new Scope(SyntheticServing.BUSY_NAMESPACE, SyntheticServing.BUSY_MODEL);
        Window window = Window.of(SyntheticServing.START, SyntheticServing.START.plus(length), 300);

        Report report = null;
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            report = summarizer.summarize(scope, window);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            report = summarizer.summarize(scope, window);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        Findings f = report.findings();
        long points = f.metrics().stream().filter(m -> m.stats() != null)
                .mapToLong(m -> m.stats().samples() + m.stats().nonFiniteSamples()).sum();
        System.out.printf("window: %s, step %ss, status %s%n", length, window.step().toSeconds(), f.status());
        System.out.printf("metrics summarised: %d (series returned by %d range queries), points analysed: %d%n",
                f.metrics().stream().filter(m -> m.stats() != null).count(), f.queryCount() - 1, points);
        System.out.printf("prometheus requests per summary: %d (1 discovery + %d query_range)%n",
                f.queryCount(), f.queryCount() - 1);
        System.out.printf("summary time over %d runs after %d warm-up: median %.0f ms, min %.0f ms, max %.0f ms%n",
                RUNS, WARM_UP_RUNS, millis[RUNS / 2], millis[0], millis[RUNS - 1]);
        System.out.printf("synthetic data generation + promtool import + start: %.1f s%n", importSeconds);
        Path markdown = Path.of("functions/summarize/target/benchmark-24h-summary.md");
        if (Files.isDirectory(markdown.getParent())) {
            Files.writeString(markdown, MarkdownRenderer.render(report));
            System.out.println("report written to " + markdown);
        }
        System.exit(0);
    }
}
