package dev.ragfn.ingest.parse;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown with commonmark: headings open sections, every other block is rendered to plain text
 * (markup dropped, code blocks kept verbatim). The first level-1 heading is the title.
 */
public final class MarkdownParser implements DocumentParser {

    private final Parser markdown = Parser.builder().build();
    private final TextContentRenderer plainText = TextContentRenderer.builder().build();

    @Override
    public Set<String> contentTypes() {
        return Set.of(ContentTypes.MARKDOWN, "text/x-markdown");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("md", "markdown");
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String name, Deadline deadline) {
        Node document = markdown.parse(Text.utf8(bytes));
        SectionCollector sections = new SectionCollector();
        String title = null;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            deadline.check();
            String text = plainText.render(block);
            if (block instanceof Heading heading) {
                sections.heading(heading.getLevel(), text);
                if (title == null && heading.getLevel() == 1) {
                    title = Text.blankToNull(text);
                }
            } else {
                sections.paragraph(text);
            }
        }
        return new ParsedDocument(title, ContentTypes.MARKDOWN, sections.sections(), Map.of());
    }
}
