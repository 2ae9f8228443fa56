package dev.ragfn.ingest.parse;

import static dev.ragfn.ingest.parse.TestDocuments.paragraph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

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

    @Test
    void should_read_what_poi_reads_when_paragraphs_hold_tabs_breaks_links_fields_notes_and_tracked_changes() {
        // given: the constructs whose text POI's XWPFParagraph.getText() defines, which DocxParser reproduces
        byte[] docx = TestDocuments.docx(document -> {
            Calendar modified = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            modified.setTimeInMillis(1_700_000_000_123L);
            document.getProperties().getCoreProperties().setModified(Optional.of(modified.getTime()));
            document.getProperties().getCoreProperties().setSubjectProperty("Operations");
            document.getProperties().getCoreProperties().setKeywords("tls, rotation");
            paragraph(document, "Heading1", "Rotate credentials");
            XWPFParagraph tabs = document.createParagraph();
            XWPFRun run = tabs.createRun();
            run.setText("Key");
            run.addTab();
            run.setText("Value");
            run.addBreak();
            run.setText("next line");
            run.addBreak(BreakType.PAGE);
            run.addCarriageReturn();
            run.setText("after return");
            XWPFParagraph link = document.createParagraph();
            link.createRun().setText("See ");
            link.createHyperlinkRun("https://example.com/runbook").setText("the runbook");
            link.createRun().setText(".");
            XWPFParagraph field = document.createParagraph();
            XWPFRun begin = field.createRun();
            begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
            field.createRun().getCTR().addNewInstrText().setStringValue(" PAGE ");
            field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
            field.createRun().setText("7");
            field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
            CTP simple = field.getCTP();
            simple.addNewFldSimple().addNewR().addNewT().setStringValue(" (simple field)");
            XWPFParagraph changes = document.createParagraph();
            changes.createRun().setText("Keep ");
            CTRunTrackChange inserted = changes.getCTP().addNewIns();
            inserted.addNewR().addNewT().setStringValue("inserted ");
            CTRunTrackChange deleted = changes.getCTP().addNewDel();
            deleted.addNewR().addNewDelText().setStringValue("deleted ");
            changes.getCTP().addNewSmartTag().addNewR().addNewT().setStringValue("tagged ");
            changes.getCTP().addNewSdt().addNewSdtContent().addNewR().addNewT().setStringValue("controlled");
            XWPFFootnote note = document.createFootnote();
            note.createParagraph().createRun().setText("A footnote.");
            XWPFParagraph noted = document.createParagraph();
            noted.createRun().setText("Noted");
            noted.addFootnoteReference(note);
            paragraph(document, "Heading2", "Table");
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("first");
            table.getRow(0).getCell(0).addParagraph().createRun().setText("second paragraph");
            table.getRow(0).getCell(1).setText("tab\there");
            table.getRow(1).getCell(1).setText("last");
        });

        // when
        ParsedDocument parsed = parser.parse(docx, "changes.docx");

        // then
        assertThat(parsed).isEqualTo(new PoiDocxReference().parse(docx, "changes.docx"));
        assertThat(parsed.sections().getFirst().text()).contains("Key\tValue\nnext line", "See the runbook.",
                "Keep inserted tagged controlled").doesNotContain("deleted", "PAGE");
        assertThat(parsed.metadata()).containsEntry("subject", "Operations").containsKey(dev.ragfn.core.domain.Dates.METADATA_KEY);
    }

    @Test
    void should_read_what_poi_reads_when_the_title_comes_from_a_title_styled_paragraph() {
        // given: no core title, a "Title" paragraph, and a heading whose style the styles part does not define
        byte[] docx = TestDocuments.docx(document -> {
            document.getStyles().addStyle(TestDocuments.headingStyle("Title", "Title", 1));
            paragraph(document, "Title", "Runbook");
            paragraph(document, "Heading4", "Undefined style");
            paragraph(document, null, "Body.");
            paragraph(document, "Heading3", "Deep");
            paragraph(document, null, "Deeper body.");
        });

        // when
        ParsedDocument parsed = parser.parse(docx, "runbook.docx");

        // then
        assertThat(parsed).isEqualTo(new PoiDocxReference().parse(docx, "runbook.docx"));
        assertThat(parsed.title()).isEqualTo("Runbook");
    }

    @Test
    void should_refuse_as_not_docx_when_the_zip_is_not_an_office_document() throws Exception {
        // given
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        // when / then
        assertThatThrownBy(() -> parser.parse(out.toByteArray(), "notes.docx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'notes.docx' could not be read as DOCX");
    }
}
