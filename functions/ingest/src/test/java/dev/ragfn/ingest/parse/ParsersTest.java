package dev.ragfn.ingest.parse;

import static dev.ragfn.ingest.parse.TestDocuments.paragraph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}
