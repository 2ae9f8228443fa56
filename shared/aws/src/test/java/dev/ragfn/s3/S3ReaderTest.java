package dev.ragfn.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.TooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one S3 reader of ingest and convert, with the real SDK client against a local server that speaks
 * GetObject as S3 does (path-style, the object with its length or chunked, S3's XML errors).
 */
class S3ReaderTest {

    private static final int LIMIT = 4096;

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, String> chunked = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private S3Client s3;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::getObject);
        server.start();
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy")))
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    @Test
    void should_read_the_object_and_its_content_type_when_it_is_exactly_the_limit() {
        // given
        objects.put("/docs/guide.md", new byte[LIMIT]);

        // when
        S3Reader.S3Object read = reader().read(new S3Location("docs", "guide.md"));

        // then
        assertThat(read.bytes()).hasSize(LIMIT);
        assertThat(read.contentType()).isEqualTo("text/markdown");
    }

    @ParameterizedTest
    @CsvSource({"missing.md, NoSuchKey", "missing.md, NoSuchBucket", "missing.md, ''"})
    void should_fail_with_not_found_naming_the_object_when_s3_answers_404(String key, String code) {
        // given: S3's NoSuchKey or NoSuchBucket, or a bare 404 as some S3-compatible stores answer
        chunked.put("/docs/" + key, code);

        // when / then
        assertThatThrownBy(() -> reader().read(new S3Location("docs", key)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("S3 object s3://docs/missing.md does not exist: check the bucket and the key");
        assertThat(requests).hasSize(1);
    }

    @Test
    void should_refuse_the_object_when_it_declares_more_than_the_limit() {
        // given
        objects.put("/docs/big.pdf", new byte[LIMIT + 1]);

        // when / then
        assertThatThrownBy(() -> reader().read(new S3Location("docs", "big.pdf")))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("S3 object s3://docs/big.pdf has 4097 bytes, over the limit of 4096 bytes");
    }

    @Test
    void should_stop_at_the_limit_when_an_object_without_a_length_sends_more() {
        // given: sent chunked, so no length to check before the download
        objects.put("/docs/big.pdf", new byte[10 * LIMIT]);
        chunked.put("/docs/big.pdf", "chunked");

        // when / then
        assertThatThrownBy(() -> reader().copy(new S3Location("docs", "big.pdf"), OutputStream.nullOutputStream()))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("S3 object s3://docs/big.pdf has more than 4096 bytes, over the limit (stopped while downloading)");
    }

    private S3Reader reader() {
        return new S3Reader(s3, LIMIT);
    }

    /** GetObject, path-style; a path in {@code chunked} without an object answers 404 with that error code. */
    private void getObject(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        try (exchange) {
            byte[] body = objects.get(path);
            if (body == null) {
                String code = chunked.getOrDefault(path, "NoSuchKey");
                byte[] error = code.isEmpty() ? new byte[0] : ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                        + "</Code><Message>not here</Message></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(404, error.length == 0 ? -1 : error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/markdown");
            exchange.sendResponseHeaders(200, chunked.containsKey(path) ? 0 : body.length);
            OutputStream response = exchange.getResponseBody();
            for (int at = 0; at < body.length; at += 1024) {
                response.write(body, at, Math.min(1024, body.length - at));
            }
        } catch (IOException e) {
            // the client aborted the download (an object over the limit): nothing more to send
        }
    }
}
