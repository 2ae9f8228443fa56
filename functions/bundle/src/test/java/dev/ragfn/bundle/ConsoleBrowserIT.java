package dev.ragfn.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.KeycloakTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console in Debian's Chromium, driven by playwright-core (console/src/main/webapp/e2e/*.mjs)
 * against the packaged bundle on loopback, with a chat model that streams its answer a word at a time.
 * Without identity, a user creates a knowledge base and an assistant, uploads a document and sees it
 * indexed, sees the answer's first tokens before it completes, opens its citation, finds the session in
 * the list, reads a stored summary's charts, deletes the document and sees it gone from the answer; then converts a small local
 * repository and downloads the pattern. With identity, a user signs in on
 * the real Keycloak's login page and the console calls the API and the chat as that user. Screenshots of
 * every page land in target/console-screenshots.
 */
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path WEBAPP = InfraServer.repoRoot().resolve("console/src/main/webapp");
    private static final Duration LIMIT = Duration.ofMinutes(4);
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots").toAbsolutePath();
    /** HTTP/1.1: a POST that offers the h2c upgrade fails in the bundle ("Request has already been read"). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Three sentences, so that even a stream released a sentence at a time shows text before the end. */
    private static final String ANSWER = "Employees get 25 days of paid vacation per year [1]. "
            + "Your manager approves the requests [1]. Unused days carry over until March [1].";
    private static final long MILLIS_PER_WORD = 120;

    @TempDir
    Path work;
    private Process bundle;
    private HttpServer model;
    private MetricsSource prometheus;

    @AfterEach
    void stop() throws InterruptedException {
        if (bundle != null) {
            bundle.destroy();
            if (!bundle.waitFor(30, TimeUnit.SECONDS)) {
                bundle.destroyForcibly().waitFor();
            }
        }
        if (model != null) {
            model.stop(0);
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void should_index_stream_cite_and_delete_through_the_console_when_driven_in_chromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no " + CHROMIUM + " (apt-get install chromium; .ci/run does)");
        assumeTrue(Files.isDirectory(WEBAPP.resolve("node_modules/playwright-core")),
                "skipped: no playwright-core in " + WEBAPP + "/node_modules (the console module's build installs it)");

        // given: the packaged bundle, chatting with a model that streams a word every 120 ms, and a summary
        // that summarize wrote from a model server's metrics
        model = pacedModel();
        Instant windowEnd = Instant.now().truncatedTo(ChronoUnit.HOURS);
        prometheus = MetricsSource.start(windowEnd.minus(Duration.ofMinutes(160)), windowEnd.minus(Duration.ofMinutes(130)));
        int port = freePort();
        bundle = startBundle(port, Map.of("RAGFN_SUMMARIZE_PROMETHEUS_URL", prometheus.address()));
        awaitReady(port);
        String tenant = "console-" + UUID.randomUUID().toString().substring(0, 8);
        requestSummary(port, tenant, windowEnd);
        Path document = Files.writeString(work.resolve("vacation.md"), """
                # Vacation

                Employees get 25 days of paid vacation per year. Your manager approves vacation requests in the HR portal.
                """);
        Path repository = smallRepository();

        // when: a user goes through the console in Chromium
        String log = runFlow("e2e/console-flow.mjs", Map.of("RAGFN_URL", "http://127.0.0.1:" + port, "TENANT", tenant,
                "DOCUMENT", document.toString(), "EXPECTED_PASSAGE", "25 days of paid vacation",
                "SCOPE", MetricsSource.SCOPE, "SCREENSHOTS", SCREENSHOTS.toString(),
                "REPOSITORY", repository.toString()));

        // then: every step passed, and the answer grew while it streamed
        assertThat(log).contains("console flow passed");
        assertThat(SCREENSHOTS.resolve("5-chat-answer.png")).exists();
        assertThat(SCREENSHOTS.resolve("7-summary.png")).exists();
        assertThat(SCREENSHOTS.resolve("11-chat-after-delete.png")).exists();
        assertThat(SCREENSHOTS.resolve("pattern.zip")).isNotEmptyFile();
    }

    @Test
    void should_sign_in_on_the_identity_providers_page_and_call_as_that_user_when_identity_is_on() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no " + CHROMIUM + " (apt-get install chromium; .ci/run does)");
        assumeTrue(Files.isDirectory(WEBAPP.resolve("node_modules/playwright-core")),
                "skipped: no playwright-core in " + WEBAPP + "/node_modules (the console module's build installs it)");

        // given: the bundle behind the real Keycloak, where an admin of tenant acme defined an assistant
        String issuer = InfraServer.keycloak();
        assertConsoleClientExists(issuer);
        model = pacedModel();
        int port = freePort();
        bundle = startBundle(port, Map.of("RAGFN_AUTH_MODE", "oidc", "RAGFN_AUTH_ISSUER", issuer));
        awaitReady(port);
        KeycloakTokens keycloak = KeycloakTokens.fromInfra();
        String admin = keycloak.forUser("root");
        send(port, admin, "POST", "/api/knowledge-bases", "{\"knowledgeBase\":\"handbook\"}", 201);
        send(port, admin, "POST", "/api/assistants",
                "{\"id\":\"hr\",\"name\":\"HR helper\",\"knowledgeBases\":[\"handbook\"]}", 201);

        // when: alice opens the console, signs in on Keycloak's page, chats and signs out
        String log = runFlow("e2e/console-login.mjs", Map.of("RAGFN_URL", "http://127.0.0.1:" + port,
                "USERNAME", "alice", "PASSWORD", "alice-pw", "SCREENSHOTS", SCREENSHOTS.toString()));

        // then: the console acted as alice of acme throughout
        assertThat(log).contains("console login passed");
        assertThat(SCREENSHOTS.resolve("14-signed-in.png")).exists();
    }

    /** Runs one of the console's browser flows with node; its output, once it passed. */
    private String runFlow(String script, Map<String, String> env) throws Exception {
        Path logFile = work.resolve(Path.of(script).getFileName() + ".log");
        ProcessBuilder flow = new ProcessBuilder("node", script).directory(WEBAPP.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        flow.environment().putAll(env);
        flow.environment().put("CHROMIUM", CHROMIUM.toString());
        Process node = flow.start();
        boolean finished = node.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly().waitFor();
        }
        String log = Files.readString(logFile);
        assertThat(finished).as("the browser flow finished within %s: %s", LIMIT, log).isTrue();
        assertThat(node.exitValue()).as("browser flow:\n%s\nbundle log:\n%s", log, tailOf("bundle.log")).isZero();
        return log;
    }

    /** One Deployment, as a team's repository might hold it: enough for convert to make a pattern of. */
    private Path smallRepository() throws IOException {
        Path deploy = Files.createDirectories(work.resolve("shop/deploy"));
        Files.writeString(deploy.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: shop
                spec:
                  selector:
                    matchLabels: {app: shop}
                  template:
                    metadata:
                      labels: {app: shop}
                    spec:
                      containers:
                        - name: shop
                          image: quay.io/acme/shop:1.0
                """);
        return deploy.getParent();
    }

    /**
     * The realm's console client exists only in a Keycloak that imported today's realm file: keycloak.sh
     * reuses a running server and only warns when the file changed since.
     */
    private static void assertConsoleClientExists(String issuer) throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer
                + "/protocol/openid-connect/auth?client_id=ragfn-console&response_type=code&scope=openid"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fconsole%2F"
                // The client requires PKCE: without a challenge Keycloak redirects with an error instead.
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("Keycloak at %s knows the client ragfn-console of infra/keycloak/realm-ragfn.json;"
                + " if it started before the client was added, run infra/keycloak.sh stop (the next start imports the"
                + " realm again)", issuer).isEqualTo(200);
    }

    /** Asks the bundle's broker for a summary of the six hours of {@link MetricsSource#SCOPE} before {@code end}. */
    private static void requestSummary(int port, String tenant, Instant end) throws Exception {
        String request = "{\"tenant\":\"" + tenant + "\",\"namespace\":\"prod\",\"model\":\"llama\",\"start\":\""
                + end.minus(Duration.ofHours(6)) + "\",\"end\":\"" + end + "\"}";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/events"))
                .header("ce-specversion", "1.0").header("ce-type", "dev.ragfn.summary.requested")
                .header("ce-source", "console-it").header("ce-id", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("summary request: %s", answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("dev.ragfn.summary.created");
    }

    private static void send(int port, String token, String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(expected);
    }

    private Process startBundle(int port, Map<String, String> settings) throws IOException {
        assertThat(JAR).as("the packaged bundle (mvn package)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx768m",
                "-jar", JAR.toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("bundle.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RAGFN_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "RAGFN_DATA_DIR", work.resolve("data").toString(),
                "RAGFN_CHAT_PROVIDER", "openai",
                "RAGFN_CHAT_BASE_URL", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1",
                "RAGFN_CHAT_TIMEOUT", "30s",
                // The repository to convert is a folder of this machine.
                "RAGFN_CONVERT_ALLOW_LOCAL_SOURCES", "true",
                "RAGFN_API_ALLOW_LOCAL_CONVERSION_SOURCES", "true"));
        builder.environment().putAll(settings);
        return builder.start();
    }

    private void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(bundle.isAlive()).as("the bundle is running: %s", tailOf("bundle.log")).isTrue();
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the bundle did not become ready within " + LIMIT);
    }

    /** An OpenAI-compatible chat model whose streamed answer arrives a word at a time. */
    private static HttpServer pacedModel() throws IOException {
        ObjectMapper json = new ObjectMapper();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                JsonNode request = json.readTree(exchange.getRequestBody());
                if (request.path("stream").asBoolean()) {
                    stream(exchange, json);
                } else {
                    ObjectNode answer = completion(json, "chat.completion");
                    answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                            .putObject("message").put("role", "assistant").put("content", ANSWER);
                    byte[] body = json.writeValueAsBytes(answer);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start();
        return server;
    }

    private static void stream(HttpExchange exchange, ObjectMapper json) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String word : List.of(ANSWER.split("(?<= )"))) {
            ObjectNode chunk = completion(json, "chat.completion.chunk");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", word);
            out.write(("data: " + json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(MILLIS_PER_WORD);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        ObjectNode last = completion(json, "chat.completion.chunk");
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        last.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 20).put("total_tokens", 30);
        out.write(("data: " + json.writeValueAsString(last) + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode completion(ObjectMapper json, String object) {
        return json.createObjectNode().put("id", "chatcmpl-console").put("object", object).put("created", 1)
                .put("model", "paced-model");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String tailOf(String file) {
        try {
            return tail(Files.readString(work.resolve(file)));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
