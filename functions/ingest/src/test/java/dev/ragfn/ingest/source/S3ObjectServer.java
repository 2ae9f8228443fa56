package dev.ragfn.ingest.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enough of S3's GetObject, over real HTTP, for the S3 client that ingest builds: path-style
 * {@code GET /bucket/key} with a SigV4-signed request, the object with its content type and length,
 * or S3's NoSuchKey error. Started for every @QuarkusTest of the module, which it points at itself
 * through {@code ragfn.ingest.s3-endpoint}.
 */
public class S3ObjectServer implements QuarkusTestResourceLifecycleManager {

    private record StoredObject(byte[] bytes, String contentType) {
    }

    private static final Map<String, StoredObject> OBJECTS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> GETS = new ConcurrentHashMap<>();

    private HttpServer server;

    public static void put(String bucket, String key, byte[] bytes, String contentType) {
        OBJECTS.put(bucket + "/" + key, new StoredObject(bytes, contentType));
    }

    /** Signed GetObject requests served for this object so far. */
    public static int gets(String bucket, String key) {
        return GETS.getOrDefault(bucket + "/" + key, 0);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::getObject);
        server.start();
        return Map.of("ragfn.ingest.s3-endpoint", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void getObject(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8);
        if (!exchange.getRequestMethod().equals("GET") || auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
            error(exchange, 403, "AccessDenied", "expected a SigV4-signed GET");
            return;
        }
        StoredObject object = OBJECTS.get(path);
        if (object == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        GETS.merge(path, 1, Integer::sum);
        exchange.getResponseHeaders().add("Content-Type", object.contentType());
        exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(Arrays.hashCode(object.bytes())) + "\"");
        exchange.sendResponseHeaders(200, object.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(object.bytes());
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
