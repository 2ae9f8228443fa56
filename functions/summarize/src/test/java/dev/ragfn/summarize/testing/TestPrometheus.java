package dev.ragfn.summarize.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (infra/prometheus.sh) loaded with {@link SyntheticServing}'s series, on a port
 * of its own so a developer's Prometheus on 9090 is left alone. Started once per JVM, stopped
 * when the JVM exits. Kept in this module rather than in shared's InfraServer because it is
 * loaded with this module's data, while InfraServer reuses whatever server is running.
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
            Path data = Files.createDirectories(targetDir()).resolve(name + ".om");
            Files.writeString(data, openMetrics, StandardCharsets.UTF_8);
            return start(name, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another Prometheus of its own, loaded with the OpenMetrics file {@code data}; stopped when the JVM exits. */
    public static String start(String name, Path data) {
        Path script = repoRoot().resolve("infra/prometheus.sh");
        String port = String.valueOf(freePort());
        String started = run(port, script.toString(), "start", "--data", data.toAbsolutePath().toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run(port, script.toString(), "stop");
            deleteTree(targetDir().resolve("prometheus/data-" + port));
        }));
        System.out.println("[ragfn-test] prometheus with " + name + " series at " + started);
        return started;
    }

    /** A file under the module's target/ for generated series. */
    public static Path dataFile(String name) {
        try {
            return Files.createDirectories(targetDir()).resolve(name + ".om");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(String port, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash");
            builder.command().addAll(List.of(command));
            builder.environment().put("RAGFN_PROMETHEUS_PORT", port);
            // Under target/, so the imported blocks go away with mvn clean.
            builder.environment().put("RAGFN_PROMETHEUS_HOME", targetDir().resolve("prometheus").toString());
            Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see its output above");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The module's target/, found from the test classes, whatever the working directory (exec:java runs from the root). */
    private static Path targetDir() {
        try {
            return Path.of(TestPrometheus.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("[ragfn-test] could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repoRoot() {
        String configured = System.getProperty("repo.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "infra/prometheus.sh"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/prometheus.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with infra/prometheus.sh)");
    }
}
