package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that open a stream, take its first event and then stop reading while keeping the connection open, on the
 * packaged application: they must not starve anyone else, and each frees its slot once it goes away. Over loopback the kernel grows the server's send buffer up to net.ipv4.tcp_wmem's 4 MiB, so an answer
 * small enough to stream in time here may end up written into the kernel rather than waiting on the client; that
 * the server writes only what a client asks for is {@link SseTurnTest}'s part. Bounds are generous: the machine's
 * two cores are shared with other builds.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = StreamingModel.class, restrictToAnnotatedClass = true)
class SlowClientIT {

    private static final int STALLED = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "How many vacation days do employees get per year?";
    /** About 256 KiB, far more than the client's receive buffer holds. */
    private static final String LONG_ANSWER = "Employees get 25 days of paid vacation per year [1]. ".repeat(5_000);

    @TestHTTPResource("/chat/stream")
    URI stream;
    @TestHTTPResource("/q/health/ready")
    URI ready;
    @TestHTTPResource("/q/metrics")
    URI metrics;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Socket> stalled = new ArrayList<>();

    @AfterEach
    void close_the_stalled_connections() throws IOException {
        for (Socket socket : stalled) {
            socket.close();
        }
        http.close();
    }

    @Test
    void should_keep_serving_others_and_free_every_slot_when_clients_stop_reading_and_then_go_away() throws Exception {
        // given: a model that streams a long answer, and a first turn read to its end so start-up costs are paid
        StreamingModel.MODEL.answer(request -> ChatStreamShieldIT.pieces(LONG_ANSWER, 1_000));
        assertThat(lastEvent(readWholeStream())).isEqualTo("done");
        long threadsBefore = metric("jvm_threads_live_threads");

        // when: clients open streams one after another, read the status line and the first event, then stop reading
        for (int i = 0; i < STALLED; i++) {
            stalled.add(openAndStopReading());
        }

        // then: readiness answers and a fresh client gets its whole answer
        long start = System.nanoTime();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        long healthMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(healthMillis).isLessThan(10_000);
        assertThat(lastEvent(readWholeStream())).isEqualTo("done");
        // Printed, not asserted: the worker pool and the virtual threads' carriers grow with load too (28 to 38 once).
        long threadsStalled = metric("jvm_threads_live_threads");
        System.out.printf("%d stalled streams: health %d ms, live threads %d before, %d while stalled%n", STALLED,
                healthMillis, threadsBefore, threadsStalled);

        // when: the stalled clients go away
        for (Socket socket : stalled) {
            socket.close();
        }

        // then: the server notices each and frees its slot (when is up to the connections, so the test asks again)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long open = metric("ragfn_chat_turns_open");
        while (open > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            open = metric("ragfn_chat_turns_open");
        }
        assertThat(open).isZero();
    }

    /**
     * A stream over a raw socket with a small receive buffer: the request, then the response up to the end of its
     * first event (the comment that opens every stream), and not a byte more.
     */
    private Socket openAndStopReading() throws IOException {
        byte[] body = JSON.writeValueAsBytes(ChatStreamShieldIT.request(QUESTION));
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + stream.getPath() + " HTTP/1.1\r\nHost: " + stream.getHost() + ":" + stream.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String head = readUntil(socket.getInputStream(), "\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200");
        // Chunked: the first chunk holds the opening comment, which ends with a blank line.
        assertThat(readUntil(socket.getInputStream(), "\n\n")).contains(":ragfn chat turn");
        return socket;
    }

    /** Reads byte by byte, so nothing past {@code end} leaves the socket's buffer. */
    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("The server closed the stream after: " + read.toString(StandardCharsets.UTF_8));
            }
            read.write(next);
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private String readWholeStream() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stream).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(ChatStreamShieldIT.request(QUESTION))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String lastEvent(String events) {
        return events.lines().filter(line -> line.startsWith("event:")).map(line -> line.substring(6).strip())
                .reduce((first, second) -> second).orElse(null);
    }

    /** A gauge's value on /q/metrics, summed over its tags. */
    private long metric(String name) throws Exception {
        String text = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Math.round(text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
    }
}
