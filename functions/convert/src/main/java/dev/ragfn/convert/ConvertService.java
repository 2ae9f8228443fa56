package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.rules.RuleLoader;
import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.core.error.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Converts a requested source and writes the pattern to {@code <output-dir>/<pattern>}, on the
 * conversion threads ({@link ConversionPool}), at most {@code ragfn.convert.max-concurrent} at once.
 */
@ApplicationScoped
public class ConvertService {

    private final ConvertConfig config;
    private final GitAccess git;
    private final PatternConverter converter;
    private final ConversionPool pool;

    public ConvertService(ConvertConfig config, GitAccess git) {
        this.config = config;
        this.git = git;
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

    /** Bad requests fail at once; a valid one runs on a conversion thread, or is refused when all are busy. */
    public Uni<ConversionResult> convert(ConversionRequest request) {
        return Uni.createFrom().deferred(() -> {
            if (request == null) {
                throw new InvalidInputException("conversion request is required");
            }
            if (request.pushUrl() != null && !config.pushEnabled()) {
                throw new InvalidInputException("Pushing to Git is disabled here (ragfn.convert.push-enabled=false)");
            }
            return pool.run(() -> convertNow(request));
        });
    }

    private ConversionResult convertNow(ConversionRequest request) {
        GeneratedPattern pattern = converter.convert(request.source(), Optional.ofNullable(request.ref()), Optional.ofNullable(request.name()),
                Optional.ofNullable(request.pushUrl()));
        Path dir = config.outputDir().resolve(pattern.name()).toAbsolutePath().normalize();
        replace(dir);
        PatternFiles.writeTo(pattern, dir);
        String pushed = request.pushUrl() == null || pattern.nothingToConvert() ? null
                : GitPublisher.pushAsBranch(pattern, request.pushUrl(), request.branch(), git, config.cloneTimeout());
        var report = pattern.report();
        return new ConversionResult(pattern.name(), pattern.nothingToConvert(), dir.toString(), report.clusterGroups(),
                List.copyOf(pattern.files().keySet()),
                report.detections().stream().map(d -> new ConversionResult.DetectedCategory(d.category().id(), d.confidence(), d.detected())).toList(),
                report.products().stream().map(p -> p.packageName() + (p.version() == null ? "" : " " + p.version())).toList(),
                report.needsHuman(),
                request.archive() ? Base64.getEncoder().encodeToString(PatternFiles.zip(pattern)) : null, pushed);
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
