package dev.ragfn.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlParserTest {

    private final HtmlParser parser = new HtmlParser();

    @Test
    void should_split_by_headings_and_drop_noise_when_page_has_scripts_and_navigation() {
        // given
        byte[] html = TestDocuments.resource("noisy.html");

        // when
        ParsedDocument parsed = parser.parse(html, "notes.html");

        // then
        assertThat(parsed.title()).isEqualTo("Release Notes");
        assertThat(parsed.metadata()).containsEntry("description", "What changed in 2.0").containsEntry("lang", "en");
        assertThat(parsed.sections()).extracting(Section::headingPath).containsExactly(
                List.of("Version 2.0"),
                List.of("Version 2.0", "Breaking changes"),
                List.of("Version 2.0", "Fixes"));
        assertThat(parsed.sections().get(0).text()).isEqualTo("This release adds streaming ingestion.");
        assertThat(parsed.sections().get(1).text())
                .isEqualTo("The batch option was renamed.\n\nragfn ingest --batch 10\n  --verbose");
        assertThat(parsed.sections().get(2).text()).isEqualTo("Fixed a crash.\n\nFixed a leak.");
        assertThat(parsed.sections()).extracting(Section::text).noneMatch(text -> text.contains("NOISE")
                || text.contains("TRACKING") || text.contains("NAVIGATION") || text.contains("color"));
    }

    @Test
    void should_take_first_h1_as_title_when_page_has_no_title_element() {
        // given
        byte[] html = "<body><h1>Getting Started</h1><p>Install it.</p></body>".getBytes(StandardCharsets.UTF_8);

        // when
        ParsedDocument parsed = parser.parse(html, "start.html");

        // then
        assertThat(parsed.title()).isEqualTo("Getting Started");
        assertThat(parsed.sections()).singleElement().extracting(Section::text).isEqualTo("Install it.");
    }
}
