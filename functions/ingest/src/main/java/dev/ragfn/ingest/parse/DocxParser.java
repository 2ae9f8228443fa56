package dev.ragfn.ingest.parse;

import dev.ragfn.core.domain.Dates;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DOCX, read from its XML with the JDK (POI and its schemas would add about 17 MiB to a Lambda zip): paragraphs
 * styled "heading 1".."heading 6" open sections, tables become one row per line. The title is the core
 * properties title, else a "Title"-styled paragraph. A paragraph's text is what POI's
 * {@code XWPFParagraph.getText()} gives (DocxParserTest compares the two): runs, also inside hyperlinks,
 * simple fields, smart tags, content controls and insertions, tabs and breaks as {@code \t} and {@code \n},
 * no field codes and no deleted runs, then the text of the notes it refers to.
 */
public final class DocxParser implements DocumentParser {

    /** Word writes the English style name ("heading 1") even in localised documents; the id may differ. */
    private static final Pattern HEADING = Pattern.compile("(?i)heading\\s*([1-6])");

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String DC_TERMS = "http://purl.org/dc/terms/";
    private static final String CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

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
        try {
            OoxmlPackage docx = OoxmlPackage.read(bytes);
            String main = docx.packageTarget(OoxmlPackage.OFFICE_DOCUMENT)
                    .orElseThrow(() -> new IOException("no main document part"));
            Element body = docx.xml(main).flatMap(document -> child(document.getDocumentElement(), "body"))
                    .orElseThrow(() -> new IOException("no document body in " + main));
            Map<String, String> styleNames = styleNames(docx, main);
            Map<String, Element> notes = notes(docx, main);

            SectionCollector sections = new SectionCollector();
            String styledTitle = null;
            for (Element element : children(body)) {
                deadline.check();
                if (element.getLocalName().equals("p")) {
                    String style = styleName(styleNames, element);
                    String text = paragraphText(element, notes);
                    Optional<Integer> level = headingLevel(style);
                    if (level.isPresent()) {
                        sections.heading(level.get(), text);
                    } else if ("title".equalsIgnoreCase(style) && styledTitle == null) {
                        styledTitle = Text.blankToNull(text);
                    } else {
                        sections.paragraph(text);
                    }
                } else if (element.getLocalName().equals("tbl")) {
                    sections.paragraph(tableText(element, notes));
                }
            }
            Optional<String> corePart = docx.packageTarget(OoxmlPackage.CORE_PROPERTIES);
            Optional<Element> core = (corePart.isPresent() ? docx.xml(corePart.get()) : Optional.<Document>empty())
                    .map(Document::getDocumentElement);
            String title = Optional.ofNullable(Text.blankToNull(core.map(c -> text(c, DC, "title")).orElse(null)))
                    .orElse(styledTitle);
            return new ParsedDocument(title, ContentTypes.DOCX, sections.sections(), core.map(DocxParser::metadata)
                    .orElseGet(Map::of));
        } catch (IOException | RuntimeException e) {
            throw ParseFailures.unreadable(name, "DOCX", e);
        }
    }

    /** Style id to style name, from the styles part of the main document. */
    private static Map<String, String> styleNames(OoxmlPackage docx, String main) throws IOException {
        Map<String, String> names = new HashMap<>();
        Optional<String> stylesPart = docx.target(main, OoxmlPackage.STYLES);
        Optional<Document> styles = stylesPart.isPresent() ? docx.xml(stylesPart.get()) : Optional.empty();
        for (Element style : styles.map(s -> children(s.getDocumentElement())).orElseGet(List::of)) {
            if (style.getLocalName().equals("style")) {
                child(style, "name").ifPresent(n -> names.put(style.getAttributeNS(W, "styleId"), n.getAttributeNS(W, "val")));
            }
        }
        return names;
    }

    /** Footnotes and endnotes by "footnoteReference:id" and "endnoteReference:id", as the references name them. */
    private static Map<String, Element> notes(OoxmlPackage docx, String main) throws IOException {
        Map<String, Element> notes = new HashMap<>();
        for (String kind : List.of("footnote", "endnote")) {
            Optional<String> part = docx.target(main, OoxmlPackage.RELATIONSHIP_TYPES + kind + "s");
            Optional<Document> xml = part.isPresent() ? docx.xml(part.get()) : Optional.empty();
            for (Element note : xml.map(n -> children(n.getDocumentElement(), kind)).orElseGet(List::of)) {
                notes.put(kind + "Reference:" + note.getAttributeNS(W, "id"), note);
            }
        }
        return notes;
    }

    private static String styleName(Map<String, String> styleNames, Element paragraph) {
        String id = child(paragraph, "pPr").flatMap(p -> child(p, "pStyle")).map(s -> s.getAttributeNS(W, "val"))
                .orElse(null);
        if (id == null) {
            return "";
        }
        String name = styleNames.get(id);
        return name != null ? name : id;
    }

    private static Optional<Integer> headingLevel(String style) {
        Matcher matcher = HEADING.matcher(style);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** A row per line, its cells' texts joined by " | "; a cell's text is its paragraphs' texts run together. */
    private static String tableText(Element table, Map<String, Element> notes) {
        StringBuilder text = new StringBuilder();
        for (Element row : children(table, "tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : children(row, "tc")) {
                StringBuilder cellText = new StringBuilder();
                children(cell, "p").forEach(paragraph -> cellText.append(paragraphText(paragraph, notes)));
                cells.add(cellText.toString());
            }
            text.append(String.join(" | ", cells)).append('\n');
        }
        return text.toString();
    }

    private static String paragraphText(Element paragraph, Map<String, Element> notes) {
        StringBuilder text = new StringBuilder();
        appendRuns(paragraph, text);
        appendNotes(paragraph, notes, text);
        return text.toString();
    }

    /** After the paragraph, " [id: note text] " for each note its own runs refer to, as POI adds them. */
    private static void appendNotes(Element paragraph, Map<String, Element> notes, StringBuilder text) {
        for (Element run : children(paragraph, "r")) {
            for (Element reference : children(run)) {
                String kind = reference.getLocalName();
                if (kind.equals("footnoteReference") || kind.equals("endnoteReference")) {
                    String id = reference.getAttributeNS(W, "id");
                    text.append(" [").append(id).append(": ");
                    Element note = notes.get(kind + ":" + id);
                    if (note != null) {
                        // a note's own references are not followed: a note that refers to itself must not loop
                        List<String> paragraphs = children(note, "p").stream().map(p -> paragraphText(p, Map.of())).toList();
                        text.append(String.join("\n", paragraphs));
                    }
                    text.append("] ");
                }
            }
        }
    }

    /** The runs of a paragraph in document order, where POI finds them. */
    private static void appendRuns(Element container, StringBuilder text) {
        for (Element element : children(container)) {
            switch (element.getLocalName()) {
                case "r" -> appendUnlessDeleted(element, text);
                case "hyperlink", "fldSimple" -> children(element, "r").forEach(run -> appendUnlessDeleted(run, text));
                case "ins", "del" -> {
                    children(element, "r").forEach(run -> appendUnlessDeleted(run, text));
                    children(element, "ins").forEach(inserted -> appendRuns(inserted, text));
                }
                case "smartTag" -> appendRuns(element, text);
                case "sdt" -> child(element, "sdtContent")
                        .ifPresent(content -> children(content, "r").forEach(run -> text.append(runText(run))));
                default -> {
                }
            }
        }
    }

    private static void appendUnlessDeleted(Element run, StringBuilder text) {
        if (children(run, "delText").isEmpty()) {
            text.append(runText(run));
        }
    }

    /** A run's text: tabs and breaks as characters, field codes left out, a ruby's reading after its base. */
    private static String runText(Element run) {
        StringBuilder text = new StringBuilder();
        StringBuilder phonetic = new StringBuilder();
        for (Element element : children(run)) {
            switch (element.getLocalName()) {
                case "t", "delText" -> text.append(element.getTextContent());
                case "tab", "ptab" -> text.append('\t');
                case "br", "cr" -> text.append('\n');
                case "footnoteReference" -> text.append("[footnoteRef:").append(element.getAttributeNS(W, "id")).append(']');
                case "endnoteReference" -> text.append("[endnoteRef:").append(element.getAttributeNS(W, "id")).append(']');
                case "fldChar" -> appendCheckBoxes(element, text);
                case "ruby" -> {
                    child(element, "rubyBase").ifPresent(base -> appendTexts(base, text));
                    child(element, "rt").ifPresent(reading -> appendTexts(reading, phonetic));
                }
                default -> {
                }
            }
        }
        StringBuilder pictures = new StringBuilder();
        for (Element picture : children(run)) {
            if (picture.getLocalName().equals("pict") || picture.getLocalName().equals("drawing")) {
                var texts = picture.getElementsByTagNameNS(W, "t");
                for (int i = 0; i < texts.getLength(); i++) {
                    for (Node node = texts.item(i).getFirstChild(); node != null; node = node.getNextSibling()) {
                        if (node.getNodeType() == Node.TEXT_NODE) {
                            pictures.append(pictures.isEmpty() ? "" : "\n").append(node.getNodeValue());
                        }
                    }
                }
            }
        }
        if (!pictures.isEmpty()) {
            text.append('\n').append(pictures).append('\n');
        }
        return phonetic.isEmpty() ? text.toString() : text + " (" + phonetic + ")";
    }

    /** A form check box shows as |X| when checked by default, else |_|. */
    private static void appendCheckBoxes(Element fieldChar, StringBuilder text) {
        if (!"begin".equals(fieldChar.getAttributeNS(W, "fldCharType"))) {
            return;
        }
        child(fieldChar, "ffData").ifPresent(data -> children(data, "checkBox").forEach(box -> text.append(
                child(box, "default").map(d -> onOff(d.getAttributeNS(W, "val"))).orElse(false) ? "|X|" : "|_|")));
    }

    private static boolean onOff(String value) {
        return value.isEmpty() || value.equals("1") || value.equals("true") || value.equals("on");
    }

    private static void appendTexts(Element element, StringBuilder text) {
        var texts = element.getElementsByTagNameNS(W, "t");
        for (int i = 0; i < texts.getLength(); i++) {
            text.append(texts.item(i).getTextContent());
        }
    }

    private static Map<String, String> metadata(Element core) {
        Map<String, String> metadata = new HashMap<>();
        Text.putIfPresent(metadata, "author", text(core, DC, "creator"));
        Text.putIfPresent(metadata, "subject", text(core, DC, "subject"));
        Text.putIfPresent(metadata, "keywords", text(core, CORE, "keywords"));
        Optional.ofNullable(date(text(core, DC_TERMS, "modified"))).or(() -> Optional.ofNullable(date(text(core, DC_TERMS, "created"))))
                .ifPresent(date -> metadata.put(Dates.METADATA_KEY, date.toString()));
        return metadata;
    }

    /** A W3CDTF date as POI reads it, to the millisecond; null when absent or unreadable. */
    private static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String text(Element parent, String namespace, String localName) {
        var found = parent.getElementsByTagNameNS(namespace, localName);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    private static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    private static List<Element> children(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
    }

    /** The child elements of the WordprocessingML namespace (markup such as mc:AlternateContent is not read, as in POI). */
    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && W.equals(element.getNamespaceURI())) {
                elements.add(element);
            }
        }
        return elements;
    }
}
