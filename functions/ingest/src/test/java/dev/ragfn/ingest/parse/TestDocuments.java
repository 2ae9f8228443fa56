package dev.ragfn.ingest.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Real PDF and DOCX files built with the same libraries that read them, plus test resources. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** A PDF with one page per text, {@code title} in the document information when not null. */
    public static byte[] pdf(String title, String... pageTexts) {
        return pdf(title, null, pageTexts);
    }

    /** The same, protected with a user password so it cannot be opened without it. */
    static byte[] encryptedPdf(String userPassword, String... pageTexts) {
        return pdf(null, userPassword, pageTexts);
    }

    private static byte[] pdf(String title, String userPassword, String... pageTexts) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : pageTexts) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            if (title != null) {
                pdf.getDocumentInformation().setTitle(title);
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                pdf.protect(policy);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX whose "heading 1".."heading 3" styles exist in styles.xml, as Word writes them. */
    static byte[] docx(Consumer<XWPFDocument> content) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = docx.createStyles();
            for (int level = 1; level <= 3; level++) {
                styles.addStyle(headingStyle("Heading" + level, "heading " + level, level));
            }
            content.accept(docx);
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XWPFStyle headingStyle(String id, String name, int level) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        CTString styleName = CTString.Factory.newInstance();
        styleName.setVal(name);
        style.setName(styleName);
        CTDecimalNumber outlineLevel = CTDecimalNumber.Factory.newInstance();
        outlineLevel.setVal(BigInteger.valueOf(level - 1));
        CTPPrGeneral paragraphProperties = CTPPrGeneral.Factory.newInstance();
        paragraphProperties.setOutlineLvl(outlineLevel);
        style.setPPr(paragraphProperties);
        return new XWPFStyle(style);
    }

    static void paragraph(XWPFDocument docx, String style, String text) {
        var paragraph = docx.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
    }

    static byte[] resource(String path) {
        try (InputStream in = TestDocuments.class.getResourceAsStream("/parse/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource /parse/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
