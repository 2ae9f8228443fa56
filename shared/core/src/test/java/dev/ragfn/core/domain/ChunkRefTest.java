package dev.ragfn.core.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored key of a chunk copy: Lucene indexes hold it and OpenSearch _ids hash it, so it must not change. */
class ChunkRefTest {

    @Test
    void should_join_tenant_knowledge_base_document_version_and_chunk_with_nul_when_stored() {
        // given
        ChunkRef chunk = new ChunkRef(DocumentRef.of("acme", "handbook", "guides/intro.md"), "a1b2c3d4e5f6a7b8c9d0");

        // when
        String stored = chunk.storedId(7);

        // then
        assertThat(stored).isEqualTo("acme\u0000handbook\u0000guides/intro.md\u00007\u0000a1b2c3d4e5f6a7b8c9d0");
    }

    @Test
    void should_be_the_same_chunk_when_document_and_id_are_equal() {
        // given
        ChunkRef one = new ChunkRef(DocumentRef.of("acme", "handbook", "intro"), "c1");
        ChunkRef same = new ChunkRef(DocumentRef.of("acme", "handbook", "intro"), "c1");

        // then
        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same)
                .isNotEqualTo(new ChunkRef(DocumentRef.of("other", "handbook", "intro"), "c1"));
    }
}
