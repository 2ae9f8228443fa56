package dev.ragfn.ingest.parse;

import java.util.Locale;

/** The content types ragfn reads, and how to compare them. */
public final class ContentTypes {

    public static final String PLAIN_TEXT = "text/plain";
    public static final String MARKDOWN = "text/markdown";
    public static final String HTML = "text/html";
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private ContentTypes() {
    }

    /** {@code "Text/HTML; charset=utf-8"} becomes {@code "text/html"}. */
    public static String essence(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters >= 0 ? contentType.substring(0, parameters) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    /** The lower-case extension of a file name without the dot, or "" if it has none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
