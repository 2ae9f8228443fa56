package dev.ragfn.ingest.parse;

import dev.ragfn.core.domain.Dates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The DOCX reading ragfn had with POI, kept as the reference that DocxParser, which reads the XML with
 * the JDK alone, must agree with (DocxParserTest).
 */
final class PoiDocxReference implements DocumentParser {

    /** Word writes the English style name ("heading 1") even in localised documents; the id may differ. */
    private static final Pattern HEADING = Pattern.compile("(?i)heading\\s*([1-6])");

    @Override
    public Set<String> contentTypes() {
        return Set.of(ContentTypes.DOCX);
    }

    @Override
    public Set<String> extensions() {
        return Set.of("docx");
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String name, Deadline deadline) {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            SectionCollector sections = new SectionCollector();
            String styledTitle = null;
            for (IBodyElement element : docx.getBodyElements()) {
                deadline.check();
                if (element instanceof XWPFParagraph paragraph) {
                    String style = styleName(docx, paragraph);
                    Optional<Integer> level = headingLevel(style);
                    if (level.isPresent()) {
                        sections.heading(level.get(), paragraph.getText());
                    } else if ("title".equalsIgnoreCase(style) && styledTitle == null) {
                        styledTitle = Text.blankToNull(paragraph.getText());
                    } else {
                        sections.paragraph(paragraph.getText());
                    }
                } else if (element instanceof XWPFTable table) {
                    sections.paragraph(tableText(table));
                }
            }
            POIXMLProperties.CoreProperties core = docx.getProperties().getCoreProperties();
            String title = Optional.ofNullable(Text.blankToNull(core.getTitle())).orElse(styledTitle);
            return new ParsedDocument(title, ContentTypes.DOCX, sections.sections(), metadata(core));
        } catch (IOException | RuntimeException e) {
            throw ParseFailures.unreadable(name, "DOCX", e);
        }
    }

    private static String styleName(XWPFDocument docx, XWPFParagraph paragraph) {
        String id = paragraph.getStyleID();
        if (id == null) {
            return "";
        }
        XWPFStyle style = docx.getStyles() == null ? null : docx.getStyles().getStyle(id);
        return style != null && style.getName() != null ? style.getName() : id;
    }

    private static Optional<Integer> headingLevel(String style) {
        Matcher matcher = HEADING.matcher(style);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static String tableText(XWPFTable table) {
        StringBuilder text = new StringBuilder();
        for (XWPFTableRow row : table.getRows()) {
            text.append(String.join(" | ", row.getTableCells().stream().map(XWPFTableCell::getText).toList()))
                    .append('\n');
        }
        return text.toString();
    }

    private static Map<String, String> metadata(POIXMLProperties.CoreProperties core) {
        Map<String, String> metadata = new HashMap<>();
        Text.putIfPresent(metadata, "author", core.getCreator());
        Text.putIfPresent(metadata, "subject", core.getSubject());
        Text.putIfPresent(metadata, "keywords", core.getKeywords());
        Date date = core.getModified() != null ? core.getModified() : core.getCreated();
        if (date != null) {
            metadata.put(Dates.METADATA_KEY, date.toInstant().toString());
        }
        return metadata;
    }
}
