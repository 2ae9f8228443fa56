package dev.ragfn.ingest.parse;

import static dev.ragfn.ingest.parse.TestDocuments.paragraph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocxParserTest {

    private final DocxParser parser = new DocxParser();

    @Test
    void should_build_heading_paths_and_title_when_docx_uses_heading_styles() {
        // given
        byte[] docx = TestDocuments.docx(document -> {
            document.getProperties().getCoreProperties().setTitle("Operator Guide");
            document.getProperties().getCoreProperties().setCreator("Ops Team");
            paragraph(document, null, "Read this first.");
            paragraph(document, "Heading1", "Install");
            paragraph(document, null, "Download the bundle.");
            paragraph(document, "Heading2", "Operators");
            paragraph(document, null, "Run the installer.");
            paragraph(document, null, "Check the logs.");
            paragraph(document, "Heading1", "Upgrade");
            paragraph(document, null, "Stop the service first.");
        });

        // when
        ParsedDocument parsed = parser.parse(docx, "guide.docx");

        // then
        assertThat(parsed.title()).isEqualTo("Operator Guide");
        assertThat(parsed.metadata()).containsEntry("author", "Ops Team");
        assertThat(parsed.sections()).extracting(Section::headingPath).containsExactly(
                List.of(), List.of("Install"), List.of("Install", "Operators"), List.of("Upgrade"));
        assertThat(parsed.sections().get(2).text()).isEqualTo("Run the installer.\n\nCheck the logs.");
    }

    @Test
    void should_recognise_heading_by_style_name_when_style_id_is_localised() {
        // given: Dutch Word writes id "Kop1" but keeps the name "heading 1"
        byte[] docx = TestDocuments.docx(document -> {
            document.getStyles().addStyle(TestDocuments.headingStyle("Kop1", "heading 1", 1));
            paragraph(document, "Kop1", "Installatie");
            paragraph(document, null, "Download het pakket.");
        });

        // when
        ParsedDocument parsed = parser.parse(docx, "gids.docx");

        // then
        assertThat(parsed.sections()).singleElement().extracting(Section::headingPath).isEqualTo(List.of("Installatie"));
    }

    @Test
    void should_write_one_line_per_row_when_docx_has_a_table() {
        // given
        byte[] docx = TestDocuments.docx(document -> {
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Port");
            table.getRow(0).getCell(1).setText("Service");
            table.getRow(1).getCell(0).setText("9200");
            table.getRow(1).getCell(1).setText("OpenSearch");
        });

        // when
        ParsedDocument parsed = parser.parse(docx, "ports.docx");

        // then
        assertThat(parsed.sections()).singleElement().extracting(Section::text).isEqualTo("Port | Service\n9200 | OpenSearch");
    }

    @Test
    void should_refuse_as_corrupt_docx_when_file_is_truncated() {
        // given
        byte[] whole = TestDocuments.docx(document -> paragraph(document, null, "Some text."));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        // when / then
        assertThatThrownBy(() -> parser.parse(truncated, "broken.docx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'broken.docx' could not be read as DOCX");
    }

    @Test
    void should_refuse_when_docx_inflates_like_a_zip_bomb() {
        // given: 4 MB of one repeated letter compresses about 1000 to 1, far past the 100x ratio allowed
        byte[] bomb = TestDocuments.docx(document -> paragraph(document, null, "a".repeat(4 * 1024 * 1024)));

        // when / then
        assertThatThrownBy(() -> parser.parse(bomb, "bomb.docx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bomb.docx")
                .hasMessageContaining("Zip bomb");
    }
}
