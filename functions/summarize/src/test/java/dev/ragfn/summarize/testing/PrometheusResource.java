package dev.ragfn.summarize.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Points a @QuarkusTest at {@link TestPrometheus}, with a fresh data directory per run so summaries
 * stored by an earlier run do not count as duplicates.
 */
public class PrometheusResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "test-data-");
            return Map.of("ragfn.summarize.prometheus-url", TestPrometheus.url(),
                    "ragfn.data-dir", dataDir.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
