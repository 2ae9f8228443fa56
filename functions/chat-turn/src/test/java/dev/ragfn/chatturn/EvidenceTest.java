package dev.ragfn.chatturn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceTest {

    @Test
    void should_join_wrapped_lines_and_skip_the_heading_path_when_splitting_a_passage() {
        // given: a chunk as ingestion writes it, from a hard-wrapped text file
        String chunk = "Handbook > Time off > Vacation\n\nEvery employee gets 25 days\nof paid vacation per year. "
                + "Ask your manager first.\n\n- PTO\n\nUnused days carry over until March.";

        // when
        List<String> sentences = Evidence.split(chunk);

        // then
        assertThat(sentences).containsExactly("Every employee gets 25 days of paid vacation per year.",
                "Ask your manager first.", "Unused days carry over until March.");
    }
}
