package dev.ragfn.ingest.parse;

import static dev.ragfn.ingest.parse.TestDocuments.paragraph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParsersTest {

    private static final byte[] MARKDOWN = "# Title\n\nBody.".getBytes(StandardCharsets.UTF_8);

    private final Parsers parsers = new Parsers(10 * 1024 * 1024);

    @Test
    void should_choose_by_content_type_when_one_is_declared() {
        // when: the declared type wins over the extension
        ParsedDocument parsed = parsers.parse(MARKDOWN, "Text/Markdown; charset=UTF-8", "notes.txt");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.MARKDOWN);
    }

    @Test
    void should_choose_by_extension_when_content_type_is_generic() {
        // when
        ParsedDocument parsed = parsers.parse(MARKDOWN, "application/octet-stream", "notes.MD");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.MARKDOWN);
    }

    @Test
    void should_sniff_pdf_when_neither_type_nor_extension_is_known() {
        // given
        byte[] pdf = TestDocuments.pdf("Report", "Page one.");

        // when
        ParsedDocument parsed = parsers.parse(pdf, null, "download");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.PDF);
    }

    @Test
    void should_sniff_docx_when_zip_holds_word_document() {
        // given
        byte[] docx = TestDocuments.docx(document -> paragraph(document, null, "Hello from Word."));

        // when
        ParsedDocument parsed = parsers.parse(docx, null, null);

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.DOCX);
        assertThat(parsed.sections()).singleElement().extracting(Section::text).isEqualTo("Hello from Word.");
    }

    @Test
    void should_sniff_html_when_text_starts_with_doctype() {
        // given
        byte[] html = TestDocuments.resource("noisy.html");

        // when
        ParsedDocument parsed = parsers.parse(html, "binary/octet-stream", "page");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.HTML);
    }

    @Test
    void should_sniff_plain_text_when_bytes_are_valid_utf8() {
        // when
        ParsedDocument parsed = parsers.parse("Grüße aus Köln.".getBytes(StandardCharsets.UTF_8), null, "README");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.PLAIN_TEXT);
    }

    @Test
    void should_refuse_as_unsupported_when_bytes_are_random_binary() {
        // given
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);

        // when / then
        assertThatThrownBy(() -> parsers.parse(random, "application/octet-stream", "blob.bin"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'blob.bin' has an unsupported format");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, notes.md, .md",
            "text/markdown, upload, text/markdown",
            "text/plain, null, text/plain",
            "text/html; charset=utf-8, page.html, text/html",
            "null, server.log, .log"})
    void should_refuse_as_binary_naming_the_share_of_control_bytes_when_random_bytes_are_declared_text(
            String contentType, String name, String declared) {
        // given
        byte[] random = new byte[64 * 1024];
        new Random(7).nextBytes(random);

        // when / then
        assertThatThrownBy(() -> parsers.parse(random, contentType, name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageMatching("(?s).*content looks binary \\(\\d+\\.\\d% control bytes\\); expected text for "
                        + Pattern.quote(declared) + ".*");
    }

    @Test
    void should_refuse_as_binary_when_utf16_text_is_named_markdown() {
        // given: every other byte is a NUL
        byte[] utf16 = "# Title\n\nBody text of a note saved as UTF-16.".getBytes(StandardCharsets.UTF_16LE);

        // when / then
        assertThatThrownBy(() -> parsers.parse(utf16, null, "note.md"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("content looks binary");
    }

    @Test
    void should_refuse_as_an_archive_when_a_zip_of_stored_text_is_named_markdown() throws IOException {
        // given: a zip whose member is stored, not compressed, so most of its bytes are text
        byte[] csv = "a,b\n1,2\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("data.csv");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(csv.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(csv);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(csv);
        }

        // when / then
        assertThatThrownBy(() -> parsers.parse(bytes.toByteArray(), null, "data.md"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("content is a zip archive; expected text for .md");
    }

    @Test
    void should_refuse_as_not_utf8_when_most_bytes_are_invalid_sequences() {
        // given: high bytes without a single control byte, as in a legacy single-byte encoding of Cyrillic
        byte[] cp1251 = new byte[4096];
        for (int i = 0; i < cp1251.length; i++) {
            cp1251[i] = (byte) (i % 7 == 6 ? ' ' : 0xC0 + i % 31);
        }

        // when / then
        assertThatThrownBy(() -> parsers.parse(cp1251, "text/plain", "letter.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not UTF-8 text")
                .hasMessageContaining("expected text for text/plain");
    }

    @Test
    void should_still_read_text_with_a_few_latin1_bytes_and_terminal_colours_when_declared_text() {
        // given: a log with ANSI colour codes and one Latin-1 "é"
        byte[] log = ("\u001B[32mINFO\u001B[0m started caf\u00E9 service on port 8080\n"
                + "\u001B[32mINFO\u001B[0m ready in 1.2 s\n").getBytes(StandardCharsets.ISO_8859_1);

        // when
        ParsedDocument parsed = parsers.parse(log, null, "service.log");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.PLAIN_TEXT);
    }

    @Test
    void should_parse_as_pdf_when_a_pdf_is_named_markdown() {
        // given
        byte[] pdf = TestDocuments.pdf("Report", "Quarterly figures.");

        // when
        ParsedDocument parsed = parsers.parse(pdf, "text/markdown", "report.md");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.PDF);
        assertThat(parsed.sections()).singleElement().extracting(Section::text).isEqualTo("Quarterly figures.");
    }

    @Test
    void should_parse_as_docx_when_a_word_document_is_named_text() {
        // given
        byte[] docx = TestDocuments.docx(document -> paragraph(document, null, "Hello from Word."));

        // when
        ParsedDocument parsed = parsers.parse(docx, null, "letter.txt");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.DOCX);
    }

    @Test
    void should_read_markdown_that_quotes_a_pdf_header_when_named_markdown() {
        // given: "%PDF-" in the text, not at its start
        byte[] markdown = "# PDF versions\n\nA file starts with %PDF-1.7 and ends with %%EOF.".getBytes(StandardCharsets.UTF_8);

        // when
        ParsedDocument parsed = parsers.parse(markdown, null, "pdf.md");

        // then
        assertThat(parsed.contentType()).isEqualTo(ContentTypes.MARKDOWN);
    }

    @Test
    void should_refuse_as_unsupported_when_zip_is_not_a_word_document() throws IOException {
        // given
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data.csv"));
            zip.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }

        // when / then
        assertThatThrownBy(() -> parsers.parse(bytes.toByteArray(), null, "archive"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unsupported format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\n\t  \n"})
    void should_refuse_as_containing_no_text_when_document_is_empty(String text) {
        // when / then
        assertThatThrownBy(() -> parsers.parse(text.getBytes(StandardCharsets.UTF_8), "text/plain", "empty.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'empty.txt' contains no text");
    }

    @Test
    void should_refuse_as_containing_no_text_when_html_has_only_noise() {
        // given
        byte[] html = "<html><head><script>x()</script></head><body><nav>Home</nav></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> parsers.parse(html, "text/html", "blank.html"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("contains no text");
    }

    @Test
    void should_refuse_as_containing_no_text_when_pdf_pages_are_blank() {
        // given
        byte[] pdf = TestDocuments.pdf("Scan", " ", " ");

        // when / then
        assertThatThrownBy(() -> parsers.parse(pdf, "application/pdf", "scan.pdf"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'scan.pdf' contains no text");
    }

    @Test
    void should_refuse_before_parsing_when_input_is_over_the_cap() {
        // given
        Parsers small = new Parsers(10);

        // when / then
        assertThatThrownBy(() -> small.parse("01234567890".getBytes(StandardCharsets.UTF_8), "text/plain", "big.txt"))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("'big.txt' has 11 bytes, over the limit of 10");
    }

    @Test
    void should_stop_between_pages_with_the_deadline_reason_when_parsing_outlasts_it() {
        // given
        byte[] pdf = TestDocuments.pdf("Report", "Page one.", "Page two.");
        Deadline expired = Deadline.after(Duration.ZERO, "Document 'report.pdf' took too long");

        // when / then
        assertThatThrownBy(() -> parsers.parse(pdf, "application/pdf", "report.pdf", expired))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("Document 'report.pdf' took too long");
    }
}
