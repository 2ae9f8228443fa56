package dev.ragfn.chatturn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceTest {

    @Test
    void should_join_wrapped_lines_and_skip_headings_and_bullets_when_splitting_a_passage() {
        // given: a chunk's text as ingestion stores it, from a hard-wrapped text file (its heading path is a field)
        String text = "Time off\n\nEvery employee gets 25 days\nof paid vacation per year. "
                + "Ask your manager first.\n\n- PTO\n\nUnused days carry over until March.";

        // when
        List<String> sentences = Evidence.split(text);

        // then
        assertThat(sentences).containsExactly("Every employee gets 25 days of paid vacation per year.",
                "Ask your manager first.", "Unused days carry over until March.");
    }

    @Test
    void should_keep_a_sentence_that_names_a_menu_path_when_splitting_a_passage() {
        // Heading paths are no longer in the text, so nothing that looks like one is taken out.
        List<String> sentences = Evidence.split("To change the font size open Settings > Display > Text size");

        assertThat(sentences).containsExactly("To change the font size open Settings > Display > Text size");
    }
}
