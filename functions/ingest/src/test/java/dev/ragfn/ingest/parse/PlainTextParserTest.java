package dev.ragfn.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextParserTest {

    private final PlainTextParser parser = new PlainTextParser();

    @Test
    void should_make_one_section_per_paragraph_when_text_has_blank_lines() {
        // given
        byte[] text = "\uFEFFCoffee Guide\n\nGrind the beans.\nUse fresh water.\r\n  \r\nBrew for four minutes.\n"
                .getBytes(StandardCharsets.UTF_8);

        // when
        ParsedDocument parsed = parser.parse(text, "coffee.txt");

        // then
        assertThat(parsed.title()).isEqualTo("Coffee Guide");
        assertThat(parsed.sections()).extracting(Section::text)
                .containsExactly("Coffee Guide", "Grind the beans.\nUse fresh water.", "Brew for four minutes.");
        assertThat(parsed.sections()).allMatch(section -> section.headingPath().isEmpty());
    }
}
