package dev.ragfn.localstack;

import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.ingest.source.S3Source;
import dev.ragfn.ingest.source.SourceContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ingest's S3 source reading real S3 protocol from LocalStack: what the AWS path does with s3://bucket/key. */
@Testcontainers(disabledWithoutDocker = true)
class S3SourceIT {

    private static final String BUCKET = "ragfn-ingest";
    private static final String MARKDOWN = "# Rotating credentials\n\nRotate the API keys every 90 days.\n";

    private static S3Client s3;

    @BeforeAll
    static void createBucket() {
        // LocalStack answers on one host and port: path-style addressing, as for any S3-compatible store.
        s3 = LocalStack.on(S3Client.builder()).forcePathStyle(true).httpClientBuilder(Apache5HttpClient.builder()).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        s3.putObject(b -> b.bucket(BUCKET).key("handbook/Rotating credentials.md").contentType("text/markdown"),
                RequestBody.fromString(MARKDOWN, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void should_read_the_bytes_type_and_file_name_when_the_object_exists() {
        // given: the key percent-encoded, as S3 event notifications give it
        S3Source source = new S3Source(s3, 1_000_000);

        // when
        SourceContent content = source.fetch(URI.create("s3://" + BUCKET + "/handbook/Rotating%20credentials.md"));

        // then
        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo(MARKDOWN);
        assertThat(content.contentType()).isEqualTo("text/markdown");
        assertThat(content.name()).isEqualTo("Rotating credentials.md");
        assertThat(content.location()).isEqualTo("s3://" + BUCKET + "/handbook/Rotating%20credentials.md");
    }

    @Test
    void should_say_the_object_does_not_exist_when_the_key_is_missing() {
        S3Source source = new S3Source(s3, 1_000_000);

        assertThatThrownBy(() -> source.fetch(URI.create("s3://" + BUCKET + "/handbook/missing.md")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("s3://" + BUCKET + "/handbook/missing.md does not exist");
    }

    @Test
    void should_say_the_object_does_not_exist_when_the_bucket_is_missing() {
        S3Source source = new S3Source(s3, 1_000_000);

        assertThatThrownBy(() -> source.fetch(URI.create("s3://no-such-bucket-ragfn/a.md")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("check the bucket and the key");
    }

    @Test
    void should_refuse_an_object_larger_than_the_limit_when_it_is_read() {
        // given: a limit below the object's size
        S3Source source = new S3Source(s3, 10);

        // when / then
        assertThatThrownBy(() -> source.fetch(URI.create("s3://" + BUCKET + "/handbook/Rotating%20credentials.md")))
                .isInstanceOf(TooLargeException.class);
    }
}
