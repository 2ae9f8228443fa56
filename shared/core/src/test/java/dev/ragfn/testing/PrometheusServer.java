package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus of infra/prometheus.sh on a port of its own (a developer's on 9090 is left alone),
 * with its files under the calling module's target/, stopped when the JVM exits. Unlike
 * {@link InfraServer} it never reuses a running server: each is loaded with, or scrapes, what its
 * test gives it.
 */
public final class PrometheusServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    private PrometheusServer(String url) {
        this.url = url;
    }

    /**
     * A Prometheus scraping {@code target} (host:port) every second; the test is skipped only if
     * Prometheus cannot be installed.
     *
     * @param testClass a class of the calling module's tests, to find that module's target/
     */
    public static PrometheusServer scraping(Class<?> testClass, String target) {
        Path home = targetDir(testClass);
        String port = String.valueOf(freePort());
        Result install = run(home, port, "install");
        Assumptions.assumeTrue(install.exit() == 0,
                "Prometheus is not installed and infra/prometheus.sh could not install it (Debian's prometheus package): "
                        + install.stderr());
        return started(home, port, "--scrape", target);
    }

    /** A Prometheus loaded with the OpenMetrics file {@code data}, its blocks deleted when the JVM exits. */
    public static PrometheusServer loaded(Class<?> testClass, Path data) {
        Path home = targetDir(testClass);
        String port = String.valueOf(freePort());
        PrometheusServer server = started(home, port, "--data", data.toAbsolutePath().toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home.resolve("prometheus/data-" + port))));
        return server;
    }

    public String url() {
        return url;
    }

    /** The instant vector of {@code promql}, once it has at least one series, waiting up to a minute for scrapes. */
    public JsonNode await(String promql) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        JsonNode result;
        do {
            result = query(promql);
            if (!result.isEmpty()) {
                return result;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return result;
    }

    /** The instant vector of {@code promql} through Prometheus' HTTP API. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("Prometheus refused " + promql + ": " + response.body());
        }
        return body.path("data").path("result");
    }

    /** The single value of a query that yields one series. */
    public double value(String promql) throws IOException, InterruptedException {
        JsonNode result = await(promql);
        if (result.size() != 1) {
            throw new AssertionError(promql + " gave " + result.size() + " series: " + result);
        }
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    /**
     * The target/ of the module that {@code testClass} belongs to, found from its classes whatever the
     * working directory (exec:java runs from the root).
     */
    public static Path targetDir(Class<?> testClass) {
        try {
            return Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrometheusServer started(Path home, String port, String... how) {
        String[] command = new String[how.length + 1];
        command[0] = "start";
        System.arraycopy(how, 0, command, 1, how.length);
        Result started = run(home, port, command);
        if (started.exit() != 0) {
            throw new IllegalStateException("infra/prometheus.sh start failed: " + started.stderr());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(home, port, "stop")));
        return new PrometheusServer(started.stdout());
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(Path home, String port, String... arguments) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", InfraServer.repoRoot().resolve("infra/prometheus.sh").toString());
            builder.command().addAll(List.of(arguments));
            builder.environment().put("RAGFN_PROMETHEUS_PORT", port);
            // Under target/, so the imported blocks go away with mvn clean.
            builder.environment().put("RAGFN_PROMETHEUS_HOME", home.resolve("prometheus").toString());
            Path errors = Files.createTempFile("prometheus-sh", ".log");
            Process process = builder.redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("infra/prometheus.sh " + String.join(" ", arguments) + " did not finish");
            }
            String err = Files.readString(errors);
            Files.delete(errors);
            System.err.print(err);
            return new Result(process.exitValue(), out, err.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
