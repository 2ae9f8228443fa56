package dev.ragfn.ingest.chunk;

import dev.langchain4j.model.TokenCountEstimator;
import dev.ragfn.embedding.EmbeddingModels;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.ingest.parse.Deadline;
import dev.ragfn.ingest.parse.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructureAwareChunkerTest {

    private static TokenCountEstimator tokens;

    @BeforeAll
    static void loadTokenizer() {
        tokens = EmbeddingModels.tokenizer();
    }

    @Test
    void should_keep_each_section_apart_and_prefix_its_headings_when_sections_are_small() {
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(200, 20, true));

        List<ChunkDraft> chunks = chunker.chunk(List.of(
                new Section(List.of("Time off", "Vacation"), "Employees get 25 days."),
                new Section(List.of("Expenses"), "Submit reports within 30 days.")));

        assertThat(chunks).extracting(ChunkDraft::text)
                .containsExactly("Employees get 25 days.", "Submit reports within 30 days.");
        assertThat(chunks).extracting(ChunkDraft::headingPath)
                .containsExactly(List.of("Time off", "Vacation"), List.of("Expenses"));
        assertThat(chunks).extracting(ChunkDraft::searchText).containsExactly(
                "Time off > Vacation\n\nEmployees get 25 days.",
                "Expenses\n\nSubmit reports within 30 days.");
        assertThat(chunks).extracting(ChunkDraft::position).containsExactly(0, 1);
    }

    @Test
    void should_give_chunks_no_heading_path_when_headings_are_not_included() {
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(200, 20, false));

        List<ChunkDraft> chunks = chunker.chunk(List.of(
                new Section(List.of("Time off", "Vacation"), "Employees get 25 days.")));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.headingPath()).isEmpty();
            assertThat(c.searchText()).isEqualTo("Employees get 25 days.");
        });
    }

    @Test
    void should_never_exceed_the_token_budget_when_a_section_is_long() {
        String paragraphs = IntStream.range(0, 40)
                .mapToObj(i -> "Paragraph " + i + " explains how the controller reconciles the desired state of resource "
                        + i + " with what it observes in the cluster, retrying with backoff when the API server is busy.")
                .collect(Collectors.joining("\n\n"));
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(64, 16, true));

        List<ChunkDraft> chunks = chunker.chunk(List.of(new Section(List.of("Operators"), paragraphs)));

        assertThat(chunks).hasSizeGreaterThan(10);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(tokens.estimateTokenCountInText(c.searchText())).isLessThanOrEqualTo(64);
            assertThat(c.headingPath()).containsExactly("Operators");
        });
    }

    @Test
    void should_split_by_sentences_then_words_when_one_paragraph_is_over_budget() {
        String sentence = "This sentence about vector search is long enough to need several tokens. ";
        String giantWord = "x".repeat(2_000);
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(32, 0, false));

        List<ChunkDraft> chunks = chunker.chunk(List.of(new Section(List.of(), sentence.repeat(20) + giantWord)));

        assertThat(chunks).allSatisfy(c -> assertThat(tokens.estimateTokenCountInText(c.text())).isLessThanOrEqualTo(32));
        String joined = chunks.stream().map(ChunkDraft::text).collect(Collectors.joining(""));
        assertThat(joined.replaceAll("\\s", "")).contains("x".repeat(100));
    }

    @Test
    void should_repeat_the_tail_of_the_previous_chunk_when_overlap_is_set() {
        String text = IntStream.range(0, 12).mapToObj(i -> "Sentence number " + i + " stands alone.")
                .collect(Collectors.joining("\n\n"));
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(40, 12, false));

        List<ChunkDraft> chunks = chunker.chunk(List.of(new Section(List.of(), text)));

        assertThat(chunks.size()).isGreaterThan(1);
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String lastParagraph = previous.substring(previous.lastIndexOf("\n\n") + 2);
            String current = chunks.get(i).text();
            String firstParagraph = current.substring(0, current.indexOf("\n\n"));
            assertThat(current).contains(lastParagraph);
            assertThat(previous).contains(firstParagraph);
        }
    }

    @Test
    void should_carry_the_sections_metadata_when_chunking_a_page() {
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(200, 20, true));

        List<ChunkDraft> chunks = chunker.chunk(List.of(new Section(List.of(), "Page text.", Map.of("page", "2"))));

        assertThat(chunks.getFirst().sectionMetadata()).containsEntry("page", "2");
        assertThat(chunks.getFirst().tokenCount()).isEqualTo(tokens.estimateTokenCountInText("Page text."));
    }

    @Test
    void should_refuse_a_budget_the_in_process_model_cannot_read_to_the_end() {
        assertThat(new ChunkingOptions(256, 32, true).requireFitsInProcessModel().maxTokens()).isEqualTo(256);
        assertThatThrownBy(() -> new ChunkingOptions(300, 32, true).requireFitsInProcessModel())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ragfn.ingest.chunk-max-tokens is 300").hasMessageContaining("256");
    }

    @Test
    void should_refuse_naming_the_limit_when_one_section_would_make_more_chunks_than_allowed() {
        // given: one section of 40 long paragraphs, as a Markdown file without headings gives
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(64, 0, true));
        String paragraphs = IntStream.range(0, 40)
                .mapToObj(i -> "Paragraph " + i + " explains how the controller reconciles the desired state of resource "
                        + i + " with what it observes in the cluster, retrying with backoff when the API server is busy.")
                .collect(Collectors.joining("\n\n"));

        // when / then
        assertThatThrownBy(() -> chunker.chunk(List.of(new Section(List.of(), paragraphs)), 5, Deadline.NONE))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("more than 5 chunks of at most 64 tokens")
                .hasMessageContaining("ragfn.ingest.max-chunks-per-document");
    }

    @Test
    void should_refuse_with_the_deadline_reason_when_the_time_is_up() {
        // given
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(200, 20, true));
        Deadline expired = Deadline.after(Duration.ZERO, "out of time for the handbook");

        // when / then
        assertThatThrownBy(() -> chunker.chunk(List.of(new Section(List.of(), "Employees get 25 days.")), 10, expired))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("out of time for the handbook");
    }

    @Test
    void should_split_a_giant_word_by_characters_when_the_tokenizer_counts_it_as_one_unknown_token() {
        // given: 50,000 characters without a space, which WordPiece reads as one [UNK] token
        var chunker = new StructureAwareChunker(tokens, new ChunkingOptions(200, 20, true));
        Random random = new Random(5);
        String word = random.ints(50_000, 0, 36).mapToObj(i -> Character.toString(Character.forDigit(i, 36)))
                .collect(Collectors.joining());

        // when
        List<ChunkDraft> chunks = chunker.chunk(List.of(new Section(List.of(), word)));

        // then
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThanOrEqualTo(200 * 20));
        assertThat(chunks.stream().map(ChunkDraft::text).collect(Collectors.joining())).isEqualTo(word);
    }
}
