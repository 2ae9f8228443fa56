package dev.ragfn.ingest.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds sections from a stream of headings and paragraphs, the way every structured format is
 * read: a heading of level n closes the current section and replaces headings of level n or deeper.
 */
final class SectionCollector {

    private record Heading(int level, String text) {
    }

    private final Deque<Heading> path = new ArrayDeque<>();
    private final List<Section> sections = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    void heading(int level, String headingText) {
        flush();
        while (!path.isEmpty() && path.peekLast().level() >= level) {
            path.removeLast();
        }
        if (!headingText.isBlank()) {
            path.addLast(new Heading(level, headingText.strip()));
        }
    }

    void paragraph(String paragraph) {
        if (paragraph.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(paragraph.strip());
    }

    List<Section> sections() {
        flush();
        return List.copyOf(sections);
    }

    private void flush() {
        if (!text.isEmpty()) {
            sections.add(new Section(path.stream().map(Heading::text).toList(), text.toString()));
            text.setLength(0);
        }
    }
}
