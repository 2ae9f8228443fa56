package dev.ragfn.convert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.rules.RuleLoader;
import dev.ragfn.convert.source.SourceLimits;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.TooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * s3://bucket/key archives as a source. The server here is a stand-in for S3, not a mock of the client:
 * it speaks enough of the real S3 REST protocol (path-style {@code GET /bucket/key}, the object bytes with
 * their Content-Length or chunked, the XML {@code NoSuchKey} error with 404) for the real AWS SDK v2
 * {@link S3Client}, which signs every request with SigV4 using static dummy credentials.
 */
class S3SourceTest {

    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final SourceLimits TINY = new SourceLimits(20_000, 4096, 1024 * 1024, Duration.ofSeconds(30), Duration.ofMillis(250));

    @TempDir
    Path dir;

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Boolean> chunked = new ConcurrentHashMap<>();
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
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "dummy-secret")))
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    @Test
    void should_give_the_same_pattern_as_the_folder_when_the_source_is_an_s3_archive(@TempDir Path out) {
        // given: a deployed function (no local sources) with an S3 client
        Path repo = Fixtures.repo("rag-umbrella");
        objects.put("/patterns/releases/rag-umbrella.tar.gz", bytes(Fixtures.tarGz(repo, dir.resolve("a.tar.gz"), "rag-umbrella-1.4.0/")));
        objects.put("/patterns/zips/rag.zip", bytes(Fixtures.zip(repo, dir.resolve("b.zip"))));
        chunked.put("/patterns/zips/rag.zip", true);
        GeneratedPattern fromFolder = Fixtures.converter().convert(repo.toString(), Optional.empty(), Optional.of("rag-umbrella"));

        // when
        GeneratedPattern fromTar = converter(SourceLimits.defaults()).convert("s3://patterns/releases/rag-umbrella.tar.gz",
                Optional.empty(), Optional.empty());
        GeneratedPattern fromZip = converter(SourceLimits.defaults()).convert("s3://patterns/zips/rag.zip",
                Optional.empty(), Optional.of("rag-umbrella"));

        // then
        assertThat(fromTar.name()).isEqualTo("rag-umbrella");
        assertSame(fromFolder, fromTar);
        assertSame(fromFolder, fromZip);
        PatternFiles.writeTo(fromTar, out);
        new FrameworkSchemaCheck().errors(out).forEach((file, problems) -> assertThat(problems).as(file).isEmpty());
        assertThat(requests).first().asString().startsWith("GET /patterns/releases/rag-umbrella.tar.gz ")
                .contains("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/");
    }

    @Test
    void should_report_not_found_when_the_key_does_not_exist() {
        assertThatThrownBy(() -> converter(SourceLimits.defaults()).convert("s3://patterns/missing.zip", Optional.empty(), Optional.empty()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("s3://patterns/missing.zip").hasMessageContaining("does not exist");
        assertThat(requests).singleElement().asString().startsWith("GET /patterns/missing.zip ");
    }

    @Test
    void should_refuse_the_object_when_it_is_larger_than_the_archive_cap() {
        // given: one object that declares its length, one sent chunked (no length to trust)
        byte[] big = new byte[10_000];
        new Random(7).nextBytes(big);
        objects.put("/patterns/big.zip", big);
        objects.put("/patterns/big-chunked.tar.gz", big);
        chunked.put("/patterns/big-chunked.tar.gz", true);

        // when / then
        assertThatThrownBy(() -> converter(TINY).convert("s3://patterns/big.zip", Optional.empty(), Optional.empty()))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("has 10000 bytes, over the limit of 4096 bytes");
        assertThatThrownBy(() -> converter(TINY).convert("s3://patterns/big-chunked.tar.gz", Optional.empty(), Optional.empty()))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("has more than 4096 bytes, over the limit (stopped while downloading)");
    }

    @Test
    void should_refuse_the_source_without_a_request_when_s3_is_not_enabled_or_the_key_is_not_an_archive() {
        SourceLimits limits = SourceLimits.defaults();
        PatternConverter withoutS3 = new PatternConverter(limits, new RuleLoader(limits.regexTimeout()).loadBundled(), false);
        assertThatThrownBy(() -> withoutS3.convert("s3://patterns/rag.zip", Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("S3 sources are not enabled");
        assertThatThrownBy(() -> converter(limits).convert("s3://patterns/notes.txt", Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an archive");
        assertThatThrownBy(() -> converter(limits).convert("s3://patterns", Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("s3://bucket/key");
        assertThat(requests).isEmpty();
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private PatternConverter converter(SourceLimits limits) {
        return new PatternConverter(limits, new RuleLoader(limits.regexTimeout()).loadBundled(), false, Optional.of(s3));
    }

    private static void assertSame(GeneratedPattern expected, GeneratedPattern actual) {
        assertThat(actual.files().keySet()).containsExactlyElementsOf(expected.files().keySet());
        expected.files().forEach((path, bytes) -> assertThat(Arrays.equals(bytes, actual.files().get(path))).as(path).isTrue());
    }

    /** GetObject, path-style: {@code GET /<bucket>/<key>}; a missing key answers S3's XML NoSuchKey error. */
    private void getObject(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        try (exchange) {
            byte[] body = "GET".equals(exchange.getRequestMethod()) ? objects.get(path) : null;
            exchange.getResponseHeaders().add("x-amz-request-id", "TEST" + requests.size());
            if (body == null) {
                byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                        + "<Message>The specified key does not exist.</Message><Key>" + path.substring(path.indexOf('/', 1) + 1)
                        + "</Key><RequestId>TEST</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(404, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"");
            exchange.sendResponseHeaders(200, chunked.containsKey(path) ? 0 : body.length);
            OutputStream response = exchange.getResponseBody();
            for (int at = 0; at < body.length; at += 1024) {
                response.write(body, at, Math.min(1024, body.length - at));
            }
        } catch (IOException e) {
            // the client aborted the download (an object over the cap): nothing more to send
        }
    }
}
