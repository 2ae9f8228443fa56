package dev.ragfn.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {

    private final MarkdownParser parser = new MarkdownParser();

    @Test
    void should_nest_heading_paths_and_keep_code_when_markdown_has_nested_headings() {
        // given
        byte[] markdown = TestDocuments.resource("operators.md");

        // when
        ParsedDocument parsed = parser.parse(markdown, "operators.md");

        // then
        assertThat(parsed.title()).isEqualTo("Operator Guide");
        assertThat(parsed.contentType()).isEqualTo("text/markdown");
        assertThat(parsed.sections()).extracting(Section::headingPath).containsExactly(
                List.of("Operator Guide"),
                List.of("Operator Guide", "Install"),
                List.of("Operator Guide", "Install", "Operators"),
                List.of("Operator Guide", "Upgrade"));
        assertThat(parsed.sections().get(0).text()).isEqualTo("Welcome to the operator guide.");
        assertThat(parsed.sections().get(2).text()).contains("Run the installer:").contains("./install.sh --operators");
        assertThat(parsed.sections().get(3).text()).isEqualTo("Stop the service first.");
    }
}
