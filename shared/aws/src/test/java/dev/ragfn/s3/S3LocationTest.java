package dev.ragfn.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class S3LocationTest {

    @Test
    void should_split_bucket_and_decoded_key_when_uri_is_s3() {
        // given
        URI uri = URI.create("s3://kb-docs/manuals/2024/user%20guide.pdf");

        // when
        S3Location location = S3Location.parse(uri);

        // then
        assertThat(location.bucket()).isEqualTo("kb-docs");
        assertThat(location.key()).isEqualTo("manuals/2024/user guide.pdf");
        assertThat(location.uri()).isEqualTo("s3://kb-docs/manuals/2024/user%20guide.pdf");
    }

    @Test
    void should_refuse_when_key_is_missing() {
        // when / then
        assertThatThrownBy(() -> S3Location.parse(URI.create("s3://kb-docs/")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no object key");
    }

    @Test
    void should_refuse_when_bucket_is_missing() {
        // when / then
        assertThatThrownBy(() -> S3Location.parse(URI.create("s3:///key.txt")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no bucket");
    }
}
