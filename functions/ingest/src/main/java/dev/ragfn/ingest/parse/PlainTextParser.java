package dev.ragfn.ingest.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plain UTF-8 text: each blank-line separated paragraph is a section; the first line is the title. */
public final class PlainTextParser implements DocumentParser {

    @Override
    public Set<String> contentTypes() {
        return Set.of(ContentTypes.PLAIN_TEXT);
    }

    @Override
    public Set<String> extensions() {
        return Set.of("txt", "text", "log", "csv");
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String name, Deadline deadline) {
        String text = Text.utf8(bytes);
        List<Section> sections = Arrays.stream(text.split("\\R\\s*\\R"))
                .filter(paragraph -> !paragraph.isBlank())
                .map(paragraph -> new Section(List.of(), paragraph.strip()))
                .toList();
        return new ParsedDocument(Text.firstLineAsTitle(text), ContentTypes.PLAIN_TEXT, sections, Map.of());
    }
}
