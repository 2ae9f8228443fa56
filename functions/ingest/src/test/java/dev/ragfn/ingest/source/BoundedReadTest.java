package dev.ragfn.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.TooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BoundedReadTest {

    @Test
    void should_return_all_bytes_when_stream_is_exactly_the_cap() throws IOException {
        // given
        byte[] bytes = new byte[10_000];

        // when
        byte[] read = BoundedRead.readAtMost(new ByteArrayInputStream(bytes), 10_000, "Test stream");

        // then
        assertThat(read).hasSize(10_000);
    }

    @Test
    void should_throw_when_stream_has_one_byte_more_than_the_cap() {
        // given
        byte[] bytes = new byte[10_001];

        // when / then
        assertThatThrownBy(() -> BoundedRead.readAtMost(new ByteArrayInputStream(bytes), 10_000, "Test stream"))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("Test stream has more than 10000 bytes, over the limit of 10000 bytes:"
                        + " split the document or raise the ingest size limit");
    }
}
