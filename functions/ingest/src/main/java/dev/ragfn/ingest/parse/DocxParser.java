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
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * DOCX with POI: paragraphs styled "heading 1".."heading 6" open sections, tables become one
 * row per line. The title is the core properties title, else a "Title"-styled paragraph.
 */
public final class DocxParser implements DocumentParser {

    /** Word writes the English style name ("heading 1") even in localised documents; the id may differ. */
    private static final Pattern HEADING = Pattern.compile("(?i)heading\\s*([1-6])");

    static {
        // Zip bomb guard. These are JVM-wide POI settings; the ratio is POI's default (a member may
        // inflate at most 100x), the entry cap replaces POI's 4 GB default.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(16L * 1024 * 1024);
    }

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
