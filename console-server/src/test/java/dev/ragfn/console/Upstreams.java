package dev.ragfn.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the api and chat-turn Services: api answers every call with what it received; chat-turn
 * streams one token, waits until the test has read it ({@link #READ_FIRST_TOKEN}), then finishes.
 */
public class Upstreams implements QuarkusTestResourceLifecycleManager {

    /** What reached the api stand-in: method, path with query, Host and Authorization. */
    record Received(String method, String path, String host, String authorization) {
    }

    static final ConcurrentLinkedQueue<Received> API_CALLS = new ConcurrentLinkedQueue<>();
    static final CountDownLatch READ_FIRST_TOKEN = new CountDownLatch(1);
    static volatile boolean streamedBeforeTheEnd;
    static volatile String chatRequest;
    static int apiPort;

    private HttpServer api;
    private HttpServer chat;

    @Override
    public Map<String, String> start() {
        try {
            api = server();
            api.createContext("/", exchange -> {
                try (exchange) {
                    API_CALLS.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                            exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders().getFirst("Authorization")));
                    byte[] body = "{\"mode\":\"none\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            chat = server();
            chat.createContext("/chat/stream", Upstreams::stream);
            apiPort = api.getAddress().getPort();
            return Map.of("ragfn.console-server.api-url", "http://127.0.0.1:" + apiPort,
                    "ragfn.console-server.chat-url", "http://127.0.0.1:" + chat.getAddress().getPort());
        } catch (IOException e) {
            throw new IllegalStateException("could not start the stand-in Services", e);
        }
    }

    private static void stream(HttpExchange exchange) throws IOException {
        try (exchange) {
            chatRequest = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("event: token\ndata: Hello\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // A proxy that buffered the answer would hold this token back until the end: the test never reads it.
            streamedBeforeTheEnd = READ_FIRST_TOKEN.await(30, TimeUnit.SECONDS);
            out.write("event: done\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    @Override
    public void stop() {
        api.stop(0);
        chat.stop(0);
    }
}
