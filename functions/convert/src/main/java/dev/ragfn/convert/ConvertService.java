package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.rules.RuleLoader;
import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.ConversionStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Converts a requested source and writes the pattern to {@code <output-dir>/<pattern>}, on the
 * conversion threads ({@link ConversionPool}), at most {@code ragfn.convert.max-concurrent} at once.
 * Each conversion is recorded in the tenant's {@link ConversionStore} (RUNNING, then DONE with its
 * report and zip, or FAILED with the reason), under the id the request names or one taken from its
 * event, so a redelivery finds the record of its first delivery and does not convert again.
 */
@ApplicationScoped
public class ConvertService {

    private static final Logger LOG = Logger.getLogger(ConvertService.class);

    private final ConvertConfig config;
    private final GitAccess git;
    private final PatternConverter converter;
    private final ConversionPool pool;
    private final ConversionStore conversions;
    private final Clock clock = Clock.systemUTC();

    public ConvertService(ConvertConfig config, GitAccess git, ConversionStore conversions) {
        this.config = config;
        this.git = git;
        this.conversions = conversions;
        this.converter = new PatternConverter(config.limits(), new RuleLoader(config.regexTimeout()).load(config.rulesDir()),
                config.allowLocalSources(), s3(config), git);
        this.pool = new ConversionPool(config.maxConcurrent());
    }

    @PreDestroy
    void close() {
        pool.close();
    }

    /** Credentials resolve on the first request (the default AWS chain), so building the client needs none. */
    private static Optional<S3Client> s3(ConvertConfig config) {
        return config.s3Region().map(region -> {
            S3ClientBuilder builder = S3Client.builder().region(Region.of(region));
            config.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
            return builder.build();
        });
    }

    /**
     * Bad requests fail at once; a valid one runs on a conversion thread, or is refused when all are busy.
     * A request whose conversion is DONE is answered from the store; one RUNNING in another delivery is
     * refused as retryable.
     *
     * @param tenant      the tenant the conversion is recorded for; null for ragfn.convert.tenant
     * @param deliveryKey the event's source and id, null for a plain HTTP request
     */
    public Uni<ConversionResult> convert(ConversionRequest request, String tenant, String deliveryKey) {
        return Uni.createFrom().deferred(() -> {
            if (request == null) {
                throw new InvalidInputException("conversion request is required");
            }
            if (request.pushUrl() != null && !config.pushEnabled()) {
                throw new InvalidInputException("Pushing to Git is disabled here (ragfn.convert.push-enabled=false)");
            }
            Conversion recorded = conversions.submit(Conversion.requested(
                    Ids.name("tenant", tenant == null ? config.tenant() : tenant), conversionId(request, deliveryKey),
                    Ids.required("source", request.source()), request.ref(), request.name(), clock.instant()));
            return pool.run(() -> convertOnce(recorded, request));
        });
    }

    private static String conversionId(ConversionRequest request, String deliveryKey) {
        if (request.conversionId() != null) {
            return Ids.name("conversionId", request.conversionId());
        }
        return deliveryKey == null ? UUID.randomUUID().toString() : "event-" + sha256(deliveryKey).substring(0, 32);
    }

    private ConversionResult convertOnce(Conversion recorded, ConversionRequest request) {
        if (conversions.start(recorded.tenant(), recorded.id(), clock.instant(), config.restartAfter()).isEmpty()) {
            return earlierResult(recorded.tenant(), recorded.id(), request);
        }
        try {
            return convertNow(recorded, request);
        } catch (RuntimeException e) {
            conversions.fail(recorded.tenant(), recorded.id(), String.valueOf(e.getMessage()), clock.instant());
            throw e;
        }
    }

    /** A redelivery: the first delivery's result once it is done; until then, a retry later. */
    private ConversionResult earlierResult(String tenant, String id, ConversionRequest request) {
        Conversion stored = conversions.find(tenant, id).orElseThrow(() -> ConversionStore.unknown(tenant, id));
        if (stored.status() != Conversion.Status.DONE) {
            throw new StoreUnavailableException("conversion " + id + " of " + tenant + " is running in another delivery"
                    + " (since " + stored.startedAt() + "); retry later");
        }
        LOG.infof("Conversion %s of %s is done; answering a redelivery from the store", id, tenant);
        return ConversionResult.ofStored(stored, conversions.report(tenant, id).orElseThrow(),
                conversions.patternZip(tenant, id).orElseThrow(),
                config.outputDir().resolve(stored.pattern()).toAbsolutePath().normalize().toString(), request.archive());
    }

    private ConversionResult convertNow(Conversion recorded, ConversionRequest request) {
        GeneratedPattern pattern = converter.convert(request.source(), Optional.ofNullable(request.ref()), Optional.ofNullable(request.name()),
                Optional.ofNullable(request.pushUrl()));
        Path dir = config.outputDir().resolve(pattern.name()).toAbsolutePath().normalize();
        replace(dir);
        PatternFiles.writeTo(pattern, dir);
        String pushed = request.pushUrl() == null || pattern.nothingToConvert() ? null
                : GitPublisher.pushAsBranch(pattern, request.pushUrl(), request.branch(), git, config.cloneTimeout());
        var report = pattern.report();
        byte[] zip = PatternFiles.zip(pattern);
        conversions.finish(recorded.tenant(), recorded.id(), pattern.name(), report.json(), zip, clock.instant());
        return new ConversionResult(recorded.id(), pattern.name(), pattern.nothingToConvert(), dir.toString(), report.clusterGroups(),
                List.copyOf(pattern.files().keySet()),
                report.detections().stream().map(d -> new ConversionResult.DetectedCategory(d.category().id(), d.confidence(), d.detected())).toList(),
                report.products().stream().map(p -> p.packageName() + (p.version() == null ? "" : " " + p.version())).toList(),
                report.needsHuman(),
                request.archive() ? Base64.getEncoder().encodeToString(zip) : null, pushed);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The output of an earlier conversion of the same pattern is replaced, never merged. */
    private static void replace(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to clear earlier output " + dir, e);
        }
    }
}
