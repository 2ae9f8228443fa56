package dev.ragfn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real server started by its infra/ script, the same way CI and users start it. A server that
 * was already running is reused and left running; one this JVM started is stopped when it exits.
 */
public final class InfraServer {

    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    private InfraServer() {
    }

    /** Base URL of a real OpenSearch node with the k-NN plugin (infra/opensearch.sh). */
    public static String openSearch() {
        return URLS.computeIfAbsent("opensearch.sh", InfraServer::ensureRunning);
    }

    /**
     * Deletes the indexes a test made on the shared OpenSearch node (a name or a wildcard pattern),
     * so a long-lived local node does not fill up to its shard limit; none left is fine.
     */
    public static void deleteOpenSearchIndexes(String pattern) {
        HttpRequest delete = HttpRequest.newBuilder(URI.create(openSearch() + "/" + pattern)).DELETE().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            int status = client.send(delete, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 404) {
                throw new IllegalStateException("deleting test indexes " + pattern + " answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Endpoint of a real DynamoDB-protocol server (infra/dynamodb.sh). */
    public static String dynamoDb() {
        return URLS.computeIfAbsent("dynamodb.sh", InfraServer::ensureRunning);
    }

    /**
     * Issuer URL of the realm ragfn on a real Keycloak (infra/keycloak.sh), e.g.
     * http://127.0.0.1:8180/realms/ragfn. Get tokens from it with {@link KeycloakTokens}.
     */
    public static String keycloak() {
        return URLS.computeIfAbsent("keycloak.sh", InfraServer::ensureRunning);
    }

    private static String ensureRunning(String script) {
        Path path = repoRoot().resolve("infra").resolve(script);
        Result status = run(path, "status", 30);
        if (status.exitCode == 0) {
            log(script + ": reusing the server already running at " + status.stdout);
            return status.stdout;
        }
        Result started = run(path, "start", 600);
        if (started.exitCode != 0 || started.stdout.isBlank()) {
            throw new IllegalStateException(path + " start failed (exit " + started.exitCode + "); see its output above");
        }
        log(script + ": started a real server at " + started.stdout + " for this test run");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(path, "stop", 60)));
        return started.stdout;
    }

    private record Result(int exitCode, String stdout) {
    }

    private static Result run(Path script, String command, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + command + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Maven passes the root as a system property; IDE runs find it by walking up to infra/. */
    public static Path repoRoot() {
        String configured = System.getProperty("repo.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "infra"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/opensearch.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with infra/opensearch.sh)");
    }

    private static void log(String message) {
        System.out.println("[ragfn-test] " + message);
    }
}
