package dev.ragfn.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.embedding.EmbeddingModels;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.ingest.chunk.ChunkingOptions;
import dev.ragfn.ingest.chunk.StructureAwareChunker;
import dev.ragfn.ingest.parse.Parsers;
import dev.ragfn.ingest.source.LocalFileSource;
import dev.ragfn.ingest.source.Sources;
import dev.ragfn.store.mvstore.MvStoreDocumentStore;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusals of documents too costly to index: binary content under a text name, too many chunks, too long
 * to parse. Each is refused before anything of the document is stored: the document is FAILED with a reason
 * naming what to change, it has no chunks, and the answer is document.failed rather than chunks.ready.
 */
class IngestServiceTest {

    private static final KnowledgeBaseRef KB = new KnowledgeBaseRef("acme", "handbook");

    @TempDir
    Path root;

    private final MvStoreDocumentStore store = MvStoreDocumentStore.inMemory();
    private final LuceneVectorIndex index = LuceneVectorIndex.inMemory(384);

    @AfterEach
    void close() {
        store.close();
        index.close();
    }

    @Test
    void should_fail_the_document_as_binary_and_store_no_chunks_when_random_bytes_are_named_markdown() throws IOException {
        // given
        byte[] random = new byte[100_000];
        new Random(13).nextBytes(random);
        Path file = Files.write(root.resolve("notes.md"), random);

        // when
        IngestOutcome outcome = service(Map.of()).ingest(KB, fromSource("notes", file));

        // then
        assertFailed(outcome, "notes", "content looks binary", "expected text for .md");
    }

    @Test
    void should_fail_the_document_naming_the_key_and_store_no_chunks_when_it_makes_more_chunks_than_allowed() {
        // given: 40 paragraphs of about 60 tokens, at most 100 tokens per chunk
        String text = IntStream.range(0, 40)
                .mapToObj(i -> "Paragraph " + i + " says something about the vacation policy of the company, "
                        + "how many days there are, who approves them and when they must be taken by staff.")
                .collect(Collectors.joining("\n\n"));

        // when
        IngestOutcome outcome = service(Map.of("ragfn.ingest.chunk-max-tokens", "100",
                "ragfn.ingest.max-chunks-per-document", "10")).ingest(KB, inline("policy", text));

        // then
        assertFailed(outcome, "policy", "more than 10 chunks", "ragfn.ingest.max-chunks-per-document");
    }

    @Test
    void should_chunk_inline_bytes_when_a_submission_carries_them_as_base64() {
        // given: a Markdown file as an upload carries it
        String markdown = "# Vacation\n\nEmployees get 25 days of paid vacation per year.";
        SubmitDocument upload = new SubmitDocument(null, null, "vacation.md", null, null, null, "text/markdown", null,
                null, java.util.Base64.getEncoder().encodeToString(markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        // when
        IngestOutcome outcome = service(Map.of()).ingest(KB, upload);

        // then
        assertThat(outcome).isInstanceOf(IngestOutcome.Chunked.class);
        assertThat(store.listChunks(KB.document("vacation.md"))).extracting(c -> c.text())
                .anySatisfy(text -> assertThat(text).contains("25 days"));
    }

    @Test
    void should_store_tags_as_a_list_and_the_date_as_an_instant_when_a_submission_gives_them() {
        // given: a tag holding a comma, which a comma-joined list would split, and a date in metadata
        SubmitDocument tagged = new SubmitDocument(null, null, "tagged.md", null, "# Pay\n\nPaid monthly.",
                null, "text/markdown", List.of(" hr ", "pay, benefits", " "),
                Map.of("date", "2025-03-01", "team", "ops"));

        // when
        service(Map.of()).ingest(KB, tagged);

        // then
        Document stored = store.findDocument(KB.document("tagged.md")).orElseThrow();
        assertThat(stored.tags()).containsExactly("hr", "pay, benefits");
        assertThat(stored.date()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(stored.metadata()).containsOnly(Map.entry("team", "ops"));
    }

    @Test
    void should_fail_the_document_naming_the_fields_when_a_submission_carries_both_text_and_bytes() {
        SubmitDocument both = new SubmitDocument(null, null, "both.md", null, "text", null, null, null, null, "dGV4dA==");

        IngestOutcome outcome = service(Map.of()).ingest(KB, both);

        assertThat(outcome).isInstanceOf(IngestOutcome.Failed.class);
        assertThat(store.findDocument(KB.document("both.md")).orElseThrow().statusReason()).contains("contentBase64");
    }

    @Test
    void should_chunk_the_document_when_its_chunks_are_exactly_at_the_limit() {
        // given: two paragraphs of about 11 tokens, which do not fit in one chunk of 16
        String text = "The first paragraph is about the vacation policy of the firm.\n\n"
                + "The second paragraph is about the expense policy of the firm.";

        // when
        IngestOutcome outcome = service(Map.of("ragfn.ingest.chunk-max-tokens", "16",
                "ragfn.ingest.chunk-overlap-tokens", "0", "ragfn.ingest.max-chunks-per-document", "2"))
                .ingest(KB, inline("short", text));

        // then
        assertThat(outcome).isInstanceOf(IngestOutcome.Chunked.class);
        assertThat(store.listChunks(KB.document("short"))).hasSize(2);
    }

    @Test
    void should_fail_the_document_naming_the_key_and_store_no_chunks_when_parsing_takes_longer_than_allowed() {
        // given: no time at all to parse
        String text = "# Handbook\n\nEmployees get 25 days of paid vacation per year.";

        // when
        IngestOutcome outcome = service(Map.of("ragfn.ingest.parse-timeout", "0s")).ingest(KB, inline("handbook", text));

        // then
        assertFailed(outcome, "handbook", "ragfn.ingest.parse-timeout");
    }

    private void assertFailed(IngestOutcome outcome, String documentId, String... reasonParts) {
        assertThat(outcome).isInstanceOf(IngestOutcome.Failed.class);
        assertThat(((IngestOutcome.Failed) outcome).event().reason()).contains(reasonParts);
        DocumentRef ref = KB.document(documentId);
        Document document = store.findDocument(ref).orElseThrow();
        assertThat(document.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(document.statusReason()).contains(reasonParts);
        assertThat(store.listChunks(ref)).isEmpty();
    }

    private IngestService service(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("ragfn.ingest.local-root", root.toString());
        IngestConfig config = new SmallRyeConfigBuilder()
                .withMapping(IngestConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new MapBackedConfigSource("test", all, 500) { })
                .build()
                .getConfigMapping(IngestConfig.class);
        StructureAwareChunker chunker = new StructureAwareChunker(EmbeddingModels.tokenizer(),
                new ChunkingOptions(config.chunkMaxTokens(), config.chunkOverlapTokens(), config.chunkIncludeHeadings()));
        return new IngestService(store, index, new Sources(List.of(new LocalFileSource(root, config.maxDocumentBytes()))),
                new Parsers(config.maxDocumentBytes()), chunker, config, 384, Clock.systemUTC());
    }

    private static SubmitDocument inline(String documentId, String text) {
        return new SubmitDocument(null, null, documentId, null, text, null, "text/markdown", null, null);
    }

    private static SubmitDocument fromSource(String documentId, Path file) {
        return new SubmitDocument(null, null, documentId, null, null, file.toString(), null, null, null);
    }
}
