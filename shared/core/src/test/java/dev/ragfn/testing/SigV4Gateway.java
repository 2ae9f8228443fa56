package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for an AWS OpenSearch endpoint: an HTTPS server that checks each request's SigV4
 * signature with {@link SigV4Verifier} and forwards only valid ones to a real OpenSearch node,
 * answering 403 like AWS otherwise. With service {@code aoss} it also refuses what Serverless does
 * not accept from ragfn (refresh, shard and replica settings, custom ids on bulk writes to a vector
 * collection, _delete_by_query), so a client that still sends them fails here too.
 */
public final class SigV4Gateway implements AutoCloseable {

    /** Known static test credentials (the example pair from AWS's documentation). */
    public static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public static final String REGION = "eu-west-1";
    private static final String STORE_PASSWORD = "changeit";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived, with the verdict on its signature and what was done with it. */
    public record Seen(String method, String path, String query, String signedHeaders, boolean verified,
                       String refusal, int status) {
    }

    private final HttpsServer server;
    private final TrustManager[] trust;
    private final SigV4Verifier verifier;
    private final String service;
    private final URI backend;
    private final HttpClient backendClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private SigV4Gateway(String service, URI backend) throws IOException, GeneralSecurityException {
        this.service = service;
        this.backend = backend;
        this.verifier = new SigV4Verifier(ACCESS_KEY_ID, SECRET_KEY, REGION, service, Clock.systemUTC());
        KeyStore keys = selfSignedKeyStore();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        this.trust = tmf.getTrustManagers();
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", this::handle);
        server.start();
    }

    /** A gateway for service es or aoss in front of the given OpenSearch node. */
    public static SigV4Gateway start(String service, String backend) {
        try {
            return new SigV4Gateway(service, URI.create(backend));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Trust for the gateway's self-signed certificate, for the client's HTTP client. */
    public TrustManager[] trustManagers() {
        return trust;
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            SigV4Verifier.Verdict verdict = verifier.verify(method, rawPath, rawQuery, headers, body);
            String refusal = verdict.refusal();
            Answer answer;
            if (refusal != null) {
                answer = Answer.json(403, "{\"message\":" + JSON.writeValueAsString(refusal) + "}");
            } else if ((refusal = serverlessRefusal(method, rawPath, rawQuery, headers, body)) != null) {
                answer = Answer.json(400, "{\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":"
                        + JSON.writeValueAsString(refusal) + "},\"status\":400}");
            } else {
                answer = forward(method, rawPath, rawQuery, headers, body);
            }
            // Recorded before answering, so a client that has its answer finds its request listed.
            seen.add(new Seen(method, rawPath, rawQuery, verdict.signedHeaders(), verdict.valid(), refusal,
                    answer.status()));
            answer.send(exchange, "HEAD".equals(method));
        }
    }

    private record Answer(int status, String contentType, byte[] body) {

        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        void send(HttpExchange exchange, boolean head) throws IOException {
            if (contentType != null) {
                exchange.getResponseHeaders().add("Content-Type", contentType);
            }
            boolean noBody = head || body.length == 0;
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    /** What Serverless refuses or ragfn must not rely on there; null when the request is fine. */
    private String serverlessRefusal(String method, String path, String query, Map<String, List<String>> headers,
                                     byte[] body) throws IOException {
        if (!"aoss".equals(service)) {
            return null;
        }
        if (!headers.containsKey("x-amz-content-sha256")) {
            return "Serverless needs the x-amz-content-sha256 header";
        }
        if (query != null && (query.startsWith("refresh=") || query.contains("&refresh="))) {
            return "refresh is not supported on Serverless: " + query;
        }
        if (path.endsWith("/_refresh") || path.endsWith("/_delete_by_query")) {
            return path + " is not supported on Serverless";
        }
        byte[] content = decompressed(headers, body);
        if (path.endsWith("/_bulk")) {
            for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                JsonNode action = line.isBlank() ? null : JSON.readTree(line);
                for (String op : List.of("index", "create")) {
                    if (action != null && action.path(op).has("_id")) {
                        return "a vector search collection does not accept custom document ids (" + op + " with _id)";
                    }
                }
            }
        }
        if ("PUT".equals(method) && !path.substring(1).contains("/") && content.length > 0) {
            JsonNode settings = JSON.readTree(content).path("settings");
            String text = settings.toString();
            if (text.contains("number_of_shards") || text.contains("number_of_replicas")) {
                return "Serverless manages shards and replicas itself: " + text;
            }
        }
        return null;
    }

    private static byte[] decompressed(Map<String, List<String>> headers, byte[] body) throws IOException {
        if (headers.getOrDefault("content-encoding", List.of()).contains("gzip")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            }
        }
        return body;
    }

    private Answer forward(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body) throws IOException {
        URI target = URI.create(backend + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : List.of("content-type", "content-encoding")) {
            headers.getOrDefault(name, List.of()).forEach(value -> request.header(name, value));
        }
        try {
            HttpResponse<byte[]> response = backendClient.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A PKCS12 store with a fresh self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static KeyStore selfSignedKeyStore() throws IOException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("sigv4-gateway");
        Path store = dir.resolve("gateway.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "gateway", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        Files.delete(store);
        Files.delete(dir);
        return keys;
    }
}
