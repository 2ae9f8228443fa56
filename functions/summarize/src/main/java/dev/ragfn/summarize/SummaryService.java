package dev.ragfn.summarize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.core.json.Json;
import dev.ragfn.summarize.analysis.AnomalyDetector;
import dev.ragfn.summarize.analysis.TrendDetector;
import dev.ragfn.summarize.metrics.MetricCatalog;
import dev.ragfn.summarize.metrics.Scope;
import dev.ragfn.summarize.prometheus.PrometheusClient;
import dev.ragfn.summarize.report.DeterministicReportWriter;
import dev.ragfn.summarize.report.Findings;
import dev.ragfn.summarize.report.MarkdownRenderer;
import dev.ragfn.summarize.report.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a request into a scope and a window, returns the stored summary of that window if
 * there is one, and otherwise produces, stores and returns a new one. A summary whose source
 * could not be read is returned but not stored, so the next run can still fill the window.
 */
@ApplicationScoped
public class SummaryService {

    private static final Logger LOG = Logger.getLogger(SummaryService.class);
    /** Subjects of a summary: model serving (vLLM, GPUs) and ragfn itself. */
    static final String MODEL_SERVING = "model-serving";
    static final String PLATFORM = "platform";
    private static final Pattern PROM_DURATION = Pattern.compile("(\\d+)([smhdw])");

    private final SummarizeConfig config;
    private final SummaryStore store;
    private final Summarizer summarizer;
    private final Summarizer platform;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    @Inject
    public SummaryService(SummarizeConfig config, SummaryStore store) {
        this(config, store, summarizer(config), Clock.systemUTC());
    }

    SummaryService(SummarizeConfig config, SummaryStore store, Summarizer summarizer, Clock clock) {
        this.config = config;
        this.store = store;
        this.summarizer = summarizer;
        this.platform = summarizer(config, MetricCatalog.platform(config.namespaceLabel()));
        this.clock = clock;
    }

    /** The deterministic summarizer of model serving configured from {@code ragfn.summarize.*}. */
    public static Summarizer summarizer(SummarizeConfig config) {
        return summarizer(config, new MetricCatalog(config.namespaceLabel(), config.modelLabel(), config.podLabel()));
    }

    /** The deterministic summarizer of {@code catalog}'s metrics configured from {@code ragfn.summarize.*}. */
    public static Summarizer summarizer(SummarizeConfig config, MetricCatalog catalog) {
        PrometheusClient client = new PrometheusClient(config.prometheusUrl(), bearerToken(config), config.verifyTls(),
                config.timeout());
        MetricsAnalyzer analyzer = new MetricsAnalyzer(catalog,
                new AnomalyDetector(config.anomalyThreshold(), config.minPlateau()),
                new TrendDetector(config.trendSignificance(), config.trendMinRelativeChange()));
        return new Summarizer(client, catalog, analyzer, new DeterministicReportWriter());
    }

    /**
     * @param tenantFromEvent the event's tenant extension, which wins over the payload's; may be null
     * @param eventTime       the event's time (a schedule's firing time), used for windows relative to now; may be null
     */
    public SummaryCreated summarize(SummaryRequest request, String tenantFromEvent, Instant eventTime) {
        SummaryRequest r = request == null ? new SummaryRequest(null, null, null, null, null, null) : request;
        String tenant = Ids.name("tenant", tenantFromEvent != null ? tenantFromEvent
                : r.tenant() != null ? r.tenant() : config.tenant());
        boolean ofPlatform = ofPlatform(r.subject());
        Scope scope = new Scope(r.namespace(), ofPlatform ? null : r.model());
        // The platform's summaries are stored apart from model serving's of the same namespace.
        String scopeId = ofPlatform ? PLATFORM + ":" + scope.id() : scope.id();
        Window window = window(r, eventTime);

        Optional<Summary> existing = store.find(tenant, scopeId, window.start(), window.end());
        if (existing.isPresent()) {
            LOG.infof("Summary of %s/%s for %s..%s exists; not producing another", tenant, scope, window.start(), window.end());
            return created(existing.get(), true, true);
        }
        Report report = (ofPlatform ? platform : summarizer).summarize(scope, window);
        Summary summary = new Summary(tenant, scopeId, window.start(), window.end(), write(report),
                MarkdownRenderer.render(report), clock.instant());
        if (report.findings().status() == Findings.Status.SOURCE_UNAVAILABLE) {
            LOG.warnf("Summary of %s/%s for %s..%s not stored: %s", tenant, scope, window.start(), window.end(),
                    report.findings().problems());
            return created(summary, false, false);
        }
        Summary stored = store.putIfAbsent(summary);
        return created(stored, true, !stored.equals(summary));
    }

    private static boolean ofPlatform(String subject) {
        if (subject == null || subject.isBlank() || subject.equals(MODEL_SERVING)) {
            return false;
        }
        if (subject.equals(PLATFORM)) {
            return true;
        }
        throw new InvalidInputException("subject must be '" + MODEL_SERVING + "' or '" + PLATFORM + "' but was '" + subject + "'");
    }

    private Window window(SummaryRequest r, Instant eventTime) {
        Instant start = instant("start", r.start());
        Instant end = instant("end", r.end());
        Duration duration = r.duration() == null || r.duration().isBlank() ? null : duration(r.duration());
        if (start != null && end != null) {
            if (duration != null) {
                throw new InvalidInputException("give start and end, or a duration with one of them, not all three");
            }
        } else if (end != null) {
            start = end.minus(duration != null ? duration : config.defaultWindow());
        } else if (start != null && duration != null) {
            end = start.plus(duration);
        } else {
            Instant now = eventTime != null ? eventTime : clock.instant();
            long alignMillis = Math.max(1, config.alignment().toMillis());
            end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), alignMillis) * alignMillis);
            if (start == null) {
                start = end.minus(duration != null ? duration : config.defaultWindow());
            }
        }
        return Window.of(start, end, config.maxPoints());
    }

    private SummaryCreated created(Summary summary, boolean stored, boolean duplicate) {
        Report report = read(summary.reportJson());
        Findings f = report.findings();
        return new SummaryCreated(summary.tenant(), summary.scope(), summary.windowStart(), summary.windowEnd(),
                f.status().name(), f.healthScore(), report.sections().attention(), stored, duplicate,
                summary.createdAt(), summary.reportMarkdown());
    }

    private String write(Report report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a report", e);
        }
    }

    private Report read(String reportJson) {
        try {
            return json.readValue(reportJson, Report.class);
        } catch (JsonProcessingException e) {
            throw new StoreUnavailableException("the summary store holds an unreadable report: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 instant such as 2026-11-25T06:00:00Z but was '"
                    + value + "'", e);
        }
    }

    static Duration duration(String value) {
        String text = value.strip();
        Matcher prom = PROM_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        Duration duration;
        if (prom.matches()) {
            long n = Long.parseLong(prom.group(1));
            duration = switch (prom.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        } else {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("duration must look like 24h, 90m or PT24H but was '" + value + "'", e);
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidInputException("duration must be positive but was '" + value + "'");
        }
        return duration;
    }

    private static Supplier<Optional<String>> bearerToken(SummarizeConfig config) {
        if (config.bearerToken().isPresent()) {
            Optional<String> token = config.bearerToken();
            return () -> token;
        }
        if (config.bearerTokenFile().isPresent()) {
            Path file = config.bearerTokenFile().get();
            return () -> {
                try {
                    return Optional.of(Files.readString(file).strip());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the Prometheus bearer token from " + file, e);
                }
            };
        }
        return Optional::empty;
    }
}
