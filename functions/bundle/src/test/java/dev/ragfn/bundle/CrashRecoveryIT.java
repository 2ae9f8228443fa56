package dev.ragfn.bundle;

import dev.ragfn.testing.InfraServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the packaged bundle (a child JVM) at random points of a bulk ingest, then restart:
 * store and index must agree after {@code check --repair}, and after a plain re-run of ingest;
 * and every document a served bundle answered indexed must be searchable after a kill -9 when idle.
 * On the embedded defaults and on OpenSearch + the DynamoDB-protocol server.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final int FILES = 200;
    private static final Pattern PROGRESS = Pattern.compile("(\\d+)/" + FILES + " files");
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    void should_agree_and_repair_after_kills_during_a_bulk_ingest_when_embedded() throws Exception {
        killAndRecover(embedded(), new Random(7));
    }

    @Test
    void should_agree_and_repair_after_kills_during_a_bulk_ingest_on_opensearch_and_dynamodb() throws Exception {
        killAndRecover(realServers(), new Random(11));
    }

    @Test
    void should_find_every_document_answered_indexed_after_a_kill_when_idle_and_embedded() throws Exception {
        answeredIndexedSurvivesKill(embedded());
    }

    @Test
    void should_find_every_document_answered_indexed_after_a_kill_when_idle_on_opensearch_and_dynamodb()
            throws Exception {
        answeredIndexedSurvivesKill(realServers());
    }

    private void killAndRecover(Map<String, String> env, Random random) throws Exception {
        Path corpus = corpus(0);
        killIngestAfter(env, corpus, 5 + random.nextInt(FILES - 10));

        Run repair = ragfn(env, "check", "--repair", "--tenant", "crash", "--kb", "docs");
        assertThat(repair.exitCode()).as(repair.out()).isZero();
        assertAgree(env);

        // New content for a third of the files: the next kill lands among replacements of versions.
        corpus = corpus(1);
        killIngestAfter(env, corpus, 5 + random.nextInt(FILES - 10));
        Run rerun = ragfn(env, "ingest", corpus.toString(), "--tenant", "crash", "--kb", "docs");
        assertThat(rerun.exitCode()).as(rerun.out()).isZero();
        assertThat(rerun.out()).contains(FILES + " files").contains("0 failed");
        assertAgree(env);
        Run again = ragfn(env, "ingest", corpus.toString(), "--tenant", "crash", "--kb", "docs");
        assertThat(again.out()).as("a second re-run finds everything whole").contains("0 indexed, " + FILES + " unchanged");
    }

    private void assertAgree(Map<String, String> env) throws Exception {
        Run check = ragfn(env, "check", "--tenant", "crash", "--kb", "docs");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("0 problem(s)");
    }

    private void answeredIndexedSurvivesKill(Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> served = new HashMap<>(env);
        served.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Process server = start(served, List.of());
        try {
            // HTTP/1.1: the default h2c upgrade of a POST is not what a CloudEvents sender does.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            awaitHealthy(http, port, server);
            for (String word : List.of("aardvark", "bumblebee", "chinchilla")) {
                String answer = submit(http, port, word);
                assertThat(answer).as("answer to the submission of %s", word).contains("dev.ragfn.document.indexed");
            }
            Thread.sleep(1_500);
        } finally {
            server.destroyForcibly().waitFor();
        }

        Run check = ragfn(env, "check", "--tenant", "idle", "--kb", "notes");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("3 documents, 0 problem(s)");
        for (String word : List.of("aardvark", "bumblebee", "chinchilla")) {
            Run search = ragfn(env, "search", word, "--tenant", "idle", "--kb", "notes", "--k", "1");
            assertThat(search.out()).as("search for %s", word).contains("The " + word + " note");
        }
    }

    private static String submit(HttpClient http, int port, String word) throws Exception {
        String body = "{\"documentId\":\"" + word + ".md\",\"text\":\"# " + word + "\\n\\nThe " + word
                + " note says the " + word + " lives here.\",\"contentType\":\"text/markdown\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests/crash").header("ce-type", "dev.ragfn.document.submitted")
                .header("ce-tenant", "idle").header("ce-knowledgebase", "notes")
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void awaitHealthy(HttpClient http, int port, Process server) throws Exception {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the bundle is running").isTrue();
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the bundle did not become ready within " + RUN_LIMIT);
    }

    /** Starts a bulk ingest and kills it (SIGKILL) once its progress reaches {@code files} files. */
    private void killIngestAfter(Map<String, String> env, Path corpus, int files) throws Exception {
        Process ingest = start(env, List.of("ingest", corpus.toString(), "--tenant", "crash", "--kb", "docs"));
        CompletableFuture<Void> reached = watchProgress(ingest.getErrorStream(), done -> done >= files);
        try {
            reached.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            ingest.destroyForcibly().waitFor();
        }
    }

    private static CompletableFuture<Void> watchProgress(InputStream stderr, IntPredicate enough) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            StringBuilder window = new StringBuilder();
            try {
                int c;
                while ((c = stderr.read()) >= 0) {
                    window.append((char) c);
                    if (c == '\r' || c == '\n' || window.length() > 400) {
                        Matcher m = PROGRESS.matcher(window);
                        while (m.find()) {
                            if (enough.test(Integer.parseInt(m.group(1)))) {
                                reached.complete(null);
                            }
                        }
                        window.setLength(0);
                    }
                }
            } catch (IOException closed) {
                // the process was killed
            }
            reached.complete(null);
        });
        return reached;
    }

    private record Run(int exitCode, String out) {
    }

    private Run ragfn(Map<String, String> env, String... args) throws Exception {
        Process process = start(env, List.of(args));
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ragfn " + String.join(" ", args) + " did not finish within " + RUN_LIMIT);
        }
        return new Run(process.exitValue(), out + "\n--- stderr:\n" + tail(err.get()));
    }

    private Process start(Map<String, String> env, List<String> args) throws IOException {
        assertThat(JAR).as("the packaged bundle (mvn package)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Xmx768m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().putAll(env);
        if (args.isEmpty()) {
            builder.redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
        }
        return builder.start();
    }

    private Map<String, String> embedded() {
        return Map.of("RAGFN_DATA_DIR", work.resolve("data").toString());
    }

    private Map<String, String> realServers() {
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of(
                "RAGFN_DATA_DIR", work.resolve("data").toString(),
                "RAGFN_STORE", "dynamodb",
                "RAGFN_DYNAMODB_ENDPOINT", InfraServer.dynamoDb(),
                "RAGFN_DYNAMODB_TABLE_PREFIX", run + "-",
                "RAGFN_DYNAMODB_CREATE_TABLES", "true",
                "RAGFN_INDEX", "opensearch",
                "RAGFN_OPENSEARCH_URL", InfraServer.openSearch(),
                "RAGFN_OPENSEARCH_INDEX_NAME", run);
    }

    /** {@link #FILES} small Markdown files; {@code edition} 1 rewrites every third one. */
    private Path corpus(int edition) throws IOException {
        Path dir = Files.createDirectories(work.resolve("corpus"));
        for (int i = 0; i < FILES; i++) {
            int current = i % 3 == 0 ? edition : 0;
            StringBuilder text = new StringBuilder("# Note " + i + "\n");
            for (int s = 0; s <= (i + current) % 3; s++) {
                text.append("\n## Part ").append(s).append("\n\nNote ").append(i).append(" edition ").append(current)
                        .append(" part ").append(s).append(": ").append(Integer.toHexString(Objects.hash(i, current, s)))
                        .append(" is the code word.\n");
            }
            Files.writeString(dir.resolve(String.format("note-%03d.md", i)), text);
        }
        return dir;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text) {
        return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
    }
}
