package dev.ragfn.core.domain;

import java.util.List;

/**
 * A chunk's heading path ("Handbook", "Time off") is a list of headings. What is embedded and
 * ranked is the path written on one line, a blank line, then the chunk's text: the form ingestion
 * has always embedded, so vectors, BM25 scores and chunk ids stay those of chunks stored before
 * the path was a field.
 */
public final class HeadingPath {

    /** Between the headings of the path's line ("Handbook > Time off"). */
    public static final String SEPARATOR = " > ";

    private HeadingPath() {
    }

    /** The text that is embedded and ranked for a chunk: its heading path's line first, if it has one. */
    public static String searchText(List<String> headingPath, String text) {
        return headingPath.isEmpty() ? text : String.join(SEPARATOR, headingPath) + "\n\n" + text;
    }

    /** Headings are kept as written; null means none. */
    public static List<String> copy(List<String> headingPath) {
        return headingPath == null ? List.of() : List.copyOf(headingPath);
    }
}
