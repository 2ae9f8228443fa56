package dev.ragfn.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.runtime.net.AddressPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UrlSourceTest {

    private static final long MAX_BYTES = 1024;
    private static final Map<String, String> NAMES = Map.of(
            "docs.example", "127.0.0.1",
            "evil.example", "127.0.0.1",
            "internal.example", "192.168.1.10");
    private static final AddressPolicy.Resolver TEST_DNS = host -> {
        String address = NAMES.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.matches("[0-9.]+")) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    };

    private HttpServer server;
    private ExecutorService handlers;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    private void serveText(String path, String contentType, String body) {
        serve(path, exchange -> respond(exchange, 200, contentType, body));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void redirect(String path, String location) {
        serve(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    private URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    private static UrlSource source(AddressPolicy policy) {
        return new UrlSource(policy, MAX_BYTES, Duration.ofSeconds(2), Duration.ofSeconds(5), 3);
    }

    private static UrlSource testSource() {
        return source(AddressPolicy.publicOnly(TEST_DNS).allowingLoopback());
    }

    @Test
    void should_return_body_type_and_name_when_server_answers_200() {
        // given
        serveText("/docs/guide.md", "text/markdown; charset=utf-8", "# Guide\n\nHello.");

        // when
        SourceContent content = testSource().fetch(url("docs.example", "/docs/guide.md"));

        // then
        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("# Guide\n\nHello.");
        assertThat(content.contentType()).isEqualTo("text/markdown; charset=utf-8");
        assertThat(content.name()).isEqualTo("guide.md");
        assertThat(content.location()).isEqualTo(url("docs.example", "/docs/guide.md").toString());
    }

    @Test
    void should_connect_to_vetted_address_and_send_original_host_when_name_resolves() {
        // given
        AtomicReference<String> host = new AtomicReference<>();
        serve("/doc", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            respond(exchange, 200, "text/plain", "pinned");
        });

        // when
        testSource().fetch(url("docs.example", "/doc"));

        // then
        assertThat(host.get()).isEqualTo("docs.example:" + server.getAddress().getPort());
    }

    @Test
    void should_decode_body_when_server_streams_it_chunked() {
        // given
        serve("/stream", exchange -> {
            exchange.sendResponseHeaders(200, 0); // 0 = unknown length, chunked encoding
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first part, ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("second part".getBytes(StandardCharsets.UTF_8));
            }
        });

        // when
        SourceContent content = testSource().fetch(url("docs.example", "/stream"));

        // then
        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("first part, second part");
    }

    @Test
    void should_follow_redirect_and_report_final_location_when_hops_are_allowed() {
        // given
        redirect("/old", "/new/page.html");
        serveText("/new/page.html", "text/html", "<p>moved</p>");

        // when
        SourceContent content = testSource().fetch(url("docs.example", "/old"));

        // then
        assertThat(content.name()).isEqualTo("page.html");
        assertThat(content.location()).endsWith("/new/page.html");
    }

    @Test
    void should_refuse_when_hostname_resolves_to_loopback_under_default_policy() {
        // given a real server on 127.0.0.1 reachable through evil.example
        serveText("/secret", "text/plain", "internal data");
        UrlSource source = source(AddressPolicy.publicOnly(TEST_DNS));

        // when / then
        assertThatThrownBy(() -> source.fetch(url("evil.example", "/secret")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void should_refuse_when_host_is_localhost_under_default_policy() {
        // given
        serveText("/secret", "text/plain", "internal data");
        UrlSource source = source(AddressPolicy.publicOnly());

        // when / then
        assertThatThrownBy(() -> source.fetch(url("localhost", "/secret")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void should_refuse_when_url_targets_cloud_metadata_address() {
        // given
        UrlSource source = source(AddressPolicy.publicOnly());

        // when / then
        assertThatThrownBy(() -> source.fetch(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("169.254.169.254");
    }

    @Test
    void should_refuse_at_the_hop_when_redirect_targets_private_ip() {
        // given
        redirect("/go", "http://10.0.0.1/admin");

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/go")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10.0.0.1")
                .hasMessageContaining("private");
    }

    @Test
    void should_refuse_at_the_hop_when_redirect_targets_name_resolving_to_private_address() {
        // given
        redirect("/go", "http://internal.example/admin");

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/go")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("internal.example")
                .hasMessageContaining("192.168.1.10");
    }

    @Test
    void should_refuse_when_redirect_leaves_http() {
        // given
        redirect("/go", "file:///etc/passwd");

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/go")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not http or https");
    }

    @Test
    void should_refuse_when_redirects_exceed_the_limit() {
        // given
        redirect("/loop", "/loop");

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/loop")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("redirects more than 3 times");
    }

    @Test
    void should_refuse_before_reading_when_declared_length_is_over_the_cap() {
        // given
        serveText("/big", "text/plain", "x".repeat((int) MAX_BYTES + 1));

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/big")))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("limit of 1024 bytes");
    }

    @Test
    void should_abort_without_partial_content_when_streamed_body_exceeds_the_cap() {
        // given a chunked body with no declared length, so only the hard read cap can stop it
        serve("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("0123456789".repeat(10).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException clientHungUp) {
                // expected once the fetch aborts
            }
        });

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/endless")))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("more than 1024 bytes");
    }

    @Test
    void should_time_out_when_server_is_slower_than_total_timeout() {
        // given
        serve("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
                respond(exchange, 200, "text/plain", "late");
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        UrlSource source = new UrlSource(AddressPolicy.publicOnly(TEST_DNS).allowingLoopback(), MAX_BYTES,
                Duration.ofSeconds(1), Duration.ofMillis(300), 3);

        // when / then
        long start = System.nanoTime();
        assertThatThrownBy(() -> source.fetch(url("docs.example", "/slow")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void should_time_out_when_server_trickles_body_past_total_timeout() {
        // given: every byte arrives well within a per-read timeout, the whole body does not
        serve("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        UrlSource source = new UrlSource(AddressPolicy.publicOnly(TEST_DNS).allowingLoopback(), MAX_BYTES,
                Duration.ofSeconds(1), Duration.ofMillis(500), 3);

        // when / then
        long start = System.nanoTime();
        assertThatThrownBy(() -> source.fetch(url("docs.example", "/trickle")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void should_report_not_found_when_server_answers_404() {
        // given
        serve("/gone", exchange -> respond(exchange, 404, "text/plain", "no"));

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/gone")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void should_report_retryable_failure_when_server_answers_503() {
        // given
        serve("/busy", exchange -> respond(exchange, 503, "text/plain", "busy"));

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/busy")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void should_report_invalid_input_when_server_answers_403() {
        // given
        serve("/private", exchange -> respond(exchange, 403, "text/plain", "forbidden"));

        // when / then
        assertThatThrownBy(() -> testSource().fetch(url("docs.example", "/private")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("HTTP 403");
    }
}
