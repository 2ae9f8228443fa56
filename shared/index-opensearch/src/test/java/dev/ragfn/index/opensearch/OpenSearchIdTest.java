package dev.ragfn.index.opensearch;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The _id of a chunk copy in OpenSearch: indexes written before stay addressable only while it is the same. */
class OpenSearchIdTest {

    @Test
    void should_hash_the_stored_chunk_key_into_the_id_when_indexing() {
        // given
        IndexedChunk chunk = new IndexedChunk(DocumentRef.of("acme", "handbook", "guides/intro.md"),
                "a1b2c3d4e5f6a7b8c9d0", 0, "Intro", "text", List.of(), new float[] {1f}, "", List.of(), Map.of(), null,
                7);

        // when
        String id = OpenSearchVectorIndex.id(chunk);

        // then: SHA-256 of "acme\0handbook\0guides/intro.md\07\0a1b2c3d4e5f6a7b8c9d0", in hex
        assertThat(id).isEqualTo("2b983bd83fb9b54db9d6d95ef00aba14de5bd81e81d2b2fd409ea86db563b5a9");
    }
}
