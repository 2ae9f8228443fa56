package dev.ragfn.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus of infra/prometheus.sh, scraping one target's /q/metrics every second, on a
 * port and in a directory of its own (under target/), stopped when the JVM exits.
 */
final class ScrapingPrometheus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    private ScrapingPrometheus(String url) {
        this.url = url;
    }

    /** A Prometheus scraping {@code target} (host:port); the test is skipped only if Prometheus cannot be installed. */
    static ScrapingPrometheus scraping(String target) {
        Path script = repoRoot().resolve("infra/prometheus.sh");
        String port = String.valueOf(freePort());
        Result install = run(port, script.toString(), "install");
        Assumptions.assumeTrue(install.exit() == 0,
                "Prometheus is not installed and infra/prometheus.sh could not install it (Debian's prometheus package): "
                        + install.stderr());
        Result started = run(port, script.toString(), "start", "--scrape", target);
        if (started.exit() != 0) {
            throw new IllegalStateException("infra/prometheus.sh start failed: " + started.stderr());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(port, script.toString(), "stop")));
        return new ScrapingPrometheus(started.stdout());
    }

    /** The instant vector of {@code promql}, once it has at least one series, waiting up to a minute for scrapes. */
    JsonNode await(String promql) throws IOException, InterruptedException {
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
    JsonNode query(String promql) throws IOException, InterruptedException {
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
    double value(String promql) throws IOException, InterruptedException {
        JsonNode result = await(promql);
        if (result.size() != 1) {
            throw new AssertionError(promql + " gave " + result.size() + " series: " + result);
        }
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(String port, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash");
            builder.command().addAll(List.of(command));
            builder.environment().put("RAGFN_PROMETHEUS_PORT", port);
            builder.environment().put("RAGFN_PROMETHEUS_HOME", targetDir().resolve("prometheus").toString());
            Path errors = Files.createTempFile("prometheus-sh", ".log");
            Process process = builder.redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
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

    private static Path targetDir() {
        try {
            return Path.of(ScrapingPrometheus.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
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
