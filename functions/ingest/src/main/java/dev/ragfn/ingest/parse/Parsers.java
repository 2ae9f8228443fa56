package dev.ragfn.ingest.parse;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses the parser for a document: by the bytes when they evidently are a PDF or DOCX, else by
 * declared content type, then file extension, then the bytes again; and guarantees what every caller
 * needs: bounded input, text formats that are text, and some text out.
 */
public final class Parsers {

    private final List<DocumentParser> parsers;
    private final long maxBytes;

    /** Plain text, Markdown, HTML, PDF and DOCX, refusing inputs over {@code maxBytes}. */
    public Parsers(long maxBytes) {
        this(List.of(new PlainTextParser(), new MarkdownParser(), new HtmlParser(), new PdfParser(), new DocxParser()),
                maxBytes);
    }

    public Parsers(List<DocumentParser> parsers, long maxBytes) {
        this.parsers = List.copyOf(parsers);
        this.maxBytes = maxBytes;
    }

    /** Parses {@code bytes} without a time limit; see {@link #parse(byte[], String, String, Deadline)}. */
    public ParsedDocument parse(byte[] bytes, String contentType, String name) {
        return parse(bytes, contentType, name, Deadline.NONE);
    }

    /**
     * Parses {@code bytes}; {@code contentType} (parameters allowed) and {@code name} may be null. Bytes that
     * evidently are a PDF or DOCX are read as such whatever they were declared as; bytes declared as a text
     * format must look like UTF-8 text.
     *
     * @throws TooLargeException when the input is over the size limit, or parsing outlasts the deadline
     * @throws InvalidInputException when the format is unknown or binary, the file is corrupt or
     *     encrypted, or it contains no text
     */
    public ParsedDocument parse(byte[] bytes, String contentType, String name, Deadline deadline) {
        String label = name == null ? "(unnamed)" : name;
        if (bytes.length > maxBytes) {
            throw new TooLargeException("Document '" + label + "' has " + bytes.length + " bytes, over the limit of "
                    + maxBytes + ": split it or raise the ingest size limit");
        }
        if (bytes.length == 0) {
            throw noText(label);
        }
        ParsedDocument parsed = choose(bytes, contentType, name, label).parse(bytes, label, deadline);
        if (parsed.sections().stream().allMatch(section -> section.text().isBlank())) {
            throw noText(label);
        }
        return parsed;
    }

    private DocumentParser choose(byte[] bytes, String contentType, String name, String label) {
        Optional<DocumentParser> evident = ContentCheck.evidentFormat(bytes).flatMap(type -> find(p -> p.supports(type, null)));
        if (evident.isPresent()) {
            return evident.get();
        }
        Optional<DocumentParser> byType = find(parser -> contentType != null && parser.supports(contentType, null));
        Optional<DocumentParser> declared = byType.or(() -> find(parser -> name != null && parser.supports(null, name)));
        if (declared.isPresent()) {
            if (readsText(declared.get())) {
                // jsoup decodes HTML by its <meta charset>, so only the other text formats must be UTF-8
                ContentCheck.requireText(bytes, label, byType.isPresent() ? ContentTypes.essence(contentType)
                        : "." + ContentTypes.extension(name), !declared.get().supports(ContentTypes.HTML, null));
            }
            return declared.get();
        }
        return ContentSniffer.sniff(bytes).flatMap(sniffed -> find(parser -> parser.supports(sniffed, null)))
                .orElseThrow(() -> new InvalidInputException("Document '" + label + "' has an unsupported format"
                        + (contentType == null ? "" : " (content type " + contentType + ")")
                        + ": it is neither text nor a PDF or DOCX; convert it to one of text, Markdown, HTML, PDF or DOCX"));
    }

    private static boolean readsText(DocumentParser parser) {
        return parser.contentTypes().stream().anyMatch(type -> type.startsWith("text/"));
    }

    private Optional<DocumentParser> find(Predicate<DocumentParser> test) {
        return parsers.stream().filter(test).findFirst();
    }

    private static InvalidInputException noText(String label) {
        return new InvalidInputException("Document '" + label + "' contains no text: it is empty, or (for a PDF) "
                + "scanned images, which ragfn does not OCR");
    }
}
