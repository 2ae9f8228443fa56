package dev.ragfn.ingest.parse;

import dev.ragfn.core.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML with jsoup: h1-h6 open sections, block elements end paragraphs, and what is not content
 * (scripts, styles, navigation) is dropped. The title is {@code <title>}, else the first h1.
 */
public final class HtmlParser implements DocumentParser {

    private static final String NOT_CONTENT = "script, style, noscript, template, nav, iframe, svg";

    @Override
    public Set<String> contentTypes() {
        return Set.of(ContentTypes.HTML, "application/xhtml+xml");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("html", "htm", "xhtml");
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String name, Deadline deadline) {
        Document html = load(bytes, name);
        deadline.check();
        html.select(NOT_CONTENT).remove();
        SectionCollector sections = new SectionCollector();
        NodeTraversor.filter(new SectionFilter(sections), html.body());
        return new ParsedDocument(title(html), ContentTypes.HTML, sections.sections(), metadata(html));
    }

    private static Document load(byte[] bytes, String name) {
        try { // a null charset lets jsoup honour the BOM and <meta charset>, defaulting to UTF-8
            return Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } catch (IOException e) {
            throw new InvalidInputException("File '" + name + "' could not be read as HTML: " + e.getMessage(), e);
        }
    }

    private static String title(Document html) {
        String title = Text.blankToNull(html.title());
        if (title != null) {
            return title;
        }
        Element h1 = html.selectFirst("h1");
        return h1 == null ? null : Text.blankToNull(h1.text());
    }

    private static Map<String, String> metadata(Document html) {
        Map<String, String> metadata = new HashMap<>();
        Element description = html.selectFirst("meta[name=description]");
        if (description != null && !description.attr("content").isBlank()) {
            metadata.put("description", description.attr("content").strip());
        }
        String lang = html.select("html").attr("lang");
        if (!lang.isBlank()) {
            metadata.put("lang", lang.strip());
        }
        return metadata;
    }

    /** Walks the body in document order, feeding headings and paragraphs to the collector. */
    private static final class SectionFilter implements NodeFilter {

        private final SectionCollector sections;
        private final StringBuilder paragraph = new StringBuilder();
        private int preDepth;

        SectionFilter(SectionCollector sections) {
            this.sections = sections;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                paragraph.append(preDepth > 0 ? text.getWholeText() : text.text());
            } else if (node instanceof Element element) {
                int level = headingLevel(element);
                if (level > 0) {
                    endParagraph();
                    sections.heading(level, element.text());
                    return FilterResult.SKIP_ENTIRELY;
                }
                enter(element);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                if ("pre".equals(element.normalName())) {
                    preDepth--;
                }
                if (element.isBlock()) {
                    endParagraph();
                }
            }
            return FilterResult.CONTINUE;
        }

        private void enter(Element element) {
            if ("br".equals(element.normalName())) {
                paragraph.append('\n');
            } else if (element.isBlock()) {
                endParagraph();
            }
            if ("pre".equals(element.normalName())) {
                preDepth++;
            }
        }

        private void endParagraph() {
            sections.paragraph(paragraph.toString().lines().map(String::stripTrailing)
                    .reduce((first, next) -> first + "\n" + next).orElse(""));
            paragraph.setLength(0);
        }

        private static int headingLevel(Element element) {
            String tag = element.normalName();
            return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
                    ? tag.charAt(1) - '0' : 0;
        }
    }
}
