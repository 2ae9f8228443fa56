package dev.ragfn.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ragfn.core.error.RagfnException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * s3:// sources with the client ingest deploys with ({@link S3Clients}), against a local HTTP server that
 * answers GetObject the way S3 does. A failed read is answered at once, after one request: the broker,
 * not the request thread, retries, and the exception's kind tells it whether a retry can help.
 */
class S3SourceTest {

    private static final AwsCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy-secret"));
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 200;
    private volatile String errorCode = "";
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void should_read_the_object_with_its_content_type_when_s3_answers() {
        // given
        S3Source source = source(DUMMY);

        // when
        SourceContent content = source.fetch(URI.create("s3://docs/guides/intro.md"));

        // then
        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("# Intro");
        assertThat(content.contentType()).isEqualTo("text/markdown");
        assertThat(content.name()).isEqualTo("intro.md");
        assertThat(requests).hasValue(1);
    }

    @ParameterizedTest
    @CsvSource({"500, InternalError", "503, SlowDown", "503, ServiceUnavailable"})
    void should_fail_after_one_request_with_a_retryable_error_when_s3_fails_transiently(int failure, String code) {
        // given
        status = failure;
        errorCode = code;

        // when
        RagfnException e = catchThrowableOfType(RagfnException.class,
                () -> source(DUMMY).fetch(URI.create("s3://docs/intro.md")));

        // then
        assertThat(requests).as("requests sent; retrying is the broker's job").hasValue(1);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e).hasMessageContaining("s3://docs/intro.md").hasMessageContaining(code);
    }

    @Test
    void should_fail_after_one_request_with_a_final_error_naming_the_permission_when_s3_denies_access() {
        // given
        status = 403;
        errorCode = "AccessDenied";

        // when
        RagfnException e = catchThrowableOfType(RagfnException.class,
                () -> source(DUMMY).fetch(URI.create("s3://docs/intro.md")));

        // then
        assertThat(requests).hasValue(1);
        assertThat(e.kind().retryable()).isFalse();
        assertThat(e).hasMessageContaining("AccessDenied").hasMessageContaining("s3:GetObject");
    }

    @Test
    void should_fail_after_one_request_with_not_found_when_the_key_does_not_exist() {
        // given
        status = 404;
        errorCode = "NoSuchKey";

        // when
        RagfnException e = catchThrowableOfType(RagfnException.class,
                () -> source(DUMMY).fetch(URI.create("s3://docs/missing.md")));

        // then
        assertThat(requests).hasValue(1);
        assertThat(e.kind()).isEqualTo(RagfnException.Kind.NOT_FOUND);
    }

    @Test
    void should_fail_without_a_request_naming_where_credentials_were_looked_for_when_there_are_none() {
        // given: a provider chain that finds nothing, as the default chain does on a laptop without AWS settings
        AwsCredentialsProvider none = ProfileCredentialsProvider.create("ragfn-test-no-such-profile");

        // when
        RagfnException e = catchThrowableOfType(RagfnException.class,
                () -> source(none).fetch(URI.create("s3://docs/intro.md")));

        // then
        assertThat(requests).hasValue(0);
        assertThat(e.kind().retryable()).isFalse();
        assertThat(e).hasMessageContaining("no AWS credentials")
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .hasMessageContaining("ragfn.ingest.s3-endpoint");
    }

    @Test
    void should_fail_with_a_retryable_error_when_nothing_listens_at_the_endpoint() {
        // given
        int port = server.getAddress().getPort();
        server.stop(0);
        S3Source source = new S3Source(S3Clients.create(Region.US_EAST_1,
                Optional.of(URI.create("http://127.0.0.1:" + port)), DUMMY, TIMEOUT), 1_000_000);

        // when
        RagfnException e = catchThrowableOfType(RagfnException.class,
                () -> source.fetch(URI.create("s3://docs/intro.md")));

        // then
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.getSuppressed()).as("attempts the SDK made after the first").isEmpty();
    }

    private S3Source source(AwsCredentialsProvider credentials) {
        S3Client s3 = S3Clients.create(Region.US_EAST_1,
                Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), credentials, TIMEOUT);
        return new S3Source(s3, 1_000_000);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body;
        if (status == 200) {
            body = "# Intro".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/markdown");
        } else {
            body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + errorCode + "</Code><Message>"
                    + errorCode + " from the test server</Message></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
