package dev.ragfn.ingest.parse;

import dev.ragfn.core.domain.Dates;
import dev.ragfn.core.error.InvalidInputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF with PDFBox: one section per page (PDF has no reliable headings), the page number in the
 * section's metadata. The title is the document information title, else the first line.
 */
public final class PdfParser implements DocumentParser {

    @Override
    public Set<String> contentTypes() {
        return Set.of(ContentTypes.PDF);
    }

    @Override
    public Set<String> extensions() {
        return Set.of("pdf");
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String name, Deadline deadline) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<Section> pages = pages(pdf, deadline);
            PDDocumentInformation info = pdf.getDocumentInformation();
            String title = Text.blankToNull(info.getTitle());
            if (title == null && !pages.isEmpty()) {
                title = Text.firstLineAsTitle(pages.getFirst().text());
            }
            return new ParsedDocument(title, ContentTypes.PDF, pages, metadata(pdf, info));
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException("PDF '" + name + "' is encrypted with a password: upload an unencrypted copy", e);
        } catch (IOException | RuntimeException e) {
            throw ParseFailures.unreadable(name, "PDF", e);
        }
    }

    private static List<Section> pages(PDDocument pdf, Deadline deadline) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        List<Section> pages = new ArrayList<>();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            deadline.check();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String text = stripper.getText(pdf).strip();
            if (!text.isEmpty()) {
                pages.add(new Section(List.of(), text, Map.of("page", String.valueOf(page))));
            }
        }
        return pages;
    }

    private static Map<String, String> metadata(PDDocument pdf, PDDocumentInformation info) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("pages", String.valueOf(pdf.getNumberOfPages()));
        Text.putIfPresent(metadata, "author", info.getAuthor());
        Text.putIfPresent(metadata, "subject", info.getSubject());
        Text.putIfPresent(metadata, "keywords", info.getKeywords());
        Calendar date = info.getModificationDate() != null ? info.getModificationDate() : info.getCreationDate();
        if (date != null) {
            metadata.put(Dates.METADATA_KEY, date.toInstant().toString());
        }
        return metadata;
    }
}
