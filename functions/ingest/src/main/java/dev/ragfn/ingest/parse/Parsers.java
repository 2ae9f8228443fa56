package dev.ragfn.ingest.parse;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses the parser for a document, by declared content type, then file extension, then the
 * bytes themselves, and guarantees what every caller needs: bounded input and some text out.
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

    /**
     * Parses {@code bytes}; {@code contentType} (parameters allowed) and {@code name} may be null.
     *
     * @throws TooLargeException when the input is over the size limit
     * @throws InvalidInputException when the format is unknown or binary, the file is corrupt or
     *     encrypted, or it contains no text
     */
    public ParsedDocument parse(byte[] bytes, String contentType, String name) {
        String label = name == null ? "(unnamed)" : name;
        if (bytes.length > maxBytes) {
            throw new TooLargeException("Document '" + label + "' has " + bytes.length + " bytes, over the limit of "
                    + maxBytes + ": split it or raise the ingest size limit");
        }
        if (bytes.length == 0) {
            throw noText(label);
        }
        ParsedDocument parsed = choose(bytes, contentType, name, label).parse(bytes, label);
        if (parsed.sections().stream().allMatch(section -> section.text().isBlank())) {
            throw noText(label);
        }
        return parsed;
    }

    private DocumentParser choose(byte[] bytes, String contentType, String name, String label) {
        return find(parser -> contentType != null && parser.supports(contentType, null))
                .or(() -> find(parser -> name != null && parser.supports(null, name)))
                .or(() -> ContentSniffer.sniff(bytes).flatMap(sniffed -> find(parser -> parser.supports(sniffed, null))))
                .orElseThrow(() -> new InvalidInputException("Document '" + label + "' has an unsupported format"
                        + (contentType == null ? "" : " (content type " + contentType + ")")
                        + ": it is neither text nor a PDF or DOCX; convert it to one of text, Markdown, HTML, PDF or DOCX"));
    }

    private Optional<DocumentParser> find(Predicate<DocumentParser> test) {
        return parsers.stream().filter(test).findFirst();
    }

    private static InvalidInputException noText(String label) {
        return new InvalidInputException("Document '" + label + "' contains no text: it is empty, or (for a PDF) "
                + "scanned images, which ragfn does not OCR");
    }
}
