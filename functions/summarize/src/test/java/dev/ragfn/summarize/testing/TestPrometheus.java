package dev.ragfn.summarize.testing;

import dev.ragfn.testing.PrometheusServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Prometheus of shared's {@link PrometheusServer}, loaded with {@link SyntheticServing}'s series
 * (once per JVM) or with a test's own.
 */
public final class TestPrometheus {

    private static String url;

    private TestPrometheus() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = start("synthetic-serving", SyntheticServing.openMetrics());
        }
        return url;
    }

    /** Another Prometheus of its own, loaded with {@code openMetrics}; stopped when the JVM exits. */
    public static String start(String name, String openMetrics) {
        try {
            return start(name, Files.writeString(dataFile(name), openMetrics, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another Prometheus of its own, loaded with the OpenMetrics file {@code data}; stopped when the JVM exits. */
    public static String start(String name, Path data) {
        String started = PrometheusServer.loaded(TestPrometheus.class, data).url();
        System.out.println("[ragfn-test] prometheus with " + name + " series at " + started);
        return started;
    }

    /** A file under the module's target/ for generated series. */
    public static Path dataFile(String name) {
        try {
            return Files.createDirectories(PrometheusServer.targetDir(TestPrometheus.class)).resolve(name + ".om");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
