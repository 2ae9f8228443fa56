package dev.ragfn.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PdfParserTest {

    private final PdfParser parser = new PdfParser();

    @Test
    void should_make_one_section_per_page_with_page_number_when_pdf_has_two_pages() {
        // given
        byte[] pdf = TestDocuments.pdf("Quarterly Report", "Revenue grew in the first quarter.", "Costs fell in the second.");

        // when
        ParsedDocument parsed = parser.parse(pdf, "report.pdf");

        // then
        assertThat(parsed.title()).isEqualTo("Quarterly Report");
        assertThat(parsed.contentType()).isEqualTo("application/pdf");
        assertThat(parsed.metadata()).containsEntry("pages", "2");
        assertThat(parsed.sections()).hasSize(2);
        assertThat(parsed.sections().get(0).text()).isEqualTo("Revenue grew in the first quarter.");
        assertThat(parsed.sections().get(0).metadata()).isEqualTo(Map.of("page", "1"));
        assertThat(parsed.sections().get(1).text()).isEqualTo("Costs fell in the second.");
        assertThat(parsed.sections().get(1).metadata()).isEqualTo(Map.of("page", "2"));
    }

    @Test
    void should_date_the_document_by_its_modification_date_when_the_pdf_has_one() throws Exception {
        // given
        byte[] pdf;
        try (PDDocument document = Loader.loadPDF(TestDocuments.pdf("Dated", "Revenue grew."));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setModificationDate(
                    GregorianCalendar.from(ZonedDateTime.parse("2024-05-06T07:08:09Z")));
            document.save(out);
            pdf = out.toByteArray();
        }

        // when
        ParsedDocument parsed = parser.parse(pdf, "dated.pdf");

        // then
        assertThat(parsed.metadata()).containsEntry("date", "2024-05-06T07:08:09Z");
    }

    @Test
    void should_take_first_line_as_title_when_document_information_has_none() {
        // given
        byte[] pdf = TestDocuments.pdf(null, "Safety Manual", "Wear gloves.");

        // when
        ParsedDocument parsed = parser.parse(pdf, "manual.pdf");

        // then
        assertThat(parsed.title()).isEqualTo("Safety Manual");
    }

    @Test
    void should_refuse_as_encrypted_when_pdf_needs_a_user_password() {
        // given
        byte[] pdf = TestDocuments.encryptedPdf("user-secret", "Confidential numbers.");

        // when / then
        assertThatThrownBy(() -> parser.parse(pdf, "secret.pdf"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("secret.pdf")
                .hasMessageContaining("encrypted");
    }

    @Test
    void should_refuse_as_corrupt_pdf_when_file_is_truncated() {
        // given: cut in half; PDFBox salvages a file that lost only its trailer, not one that lost its pages
        byte[] whole = TestDocuments.pdf("Report", "Some text on page one.", "More on page two.");
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        // when / then
        assertThatThrownBy(() -> parser.parse(truncated, "truncated.pdf"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'truncated.pdf' could not be read as PDF");
    }
}
