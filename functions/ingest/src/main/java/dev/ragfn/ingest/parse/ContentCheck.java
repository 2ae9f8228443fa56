package dev.ragfn.ingest.parse;

import dev.ragfn.core.error.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the bytes against the format a document was declared as (by content type or file name) before
 * a parser reads them. The declaration is a label that is often wrong (a default S3 content type, a
 * renamed file); the bytes are what gets indexed. Random bytes named {@code .md} once became thousands of
 * chunks of noise, so text formats must look like text.
 */
final class ContentCheck {

    /**
     * Share of control bytes above which text is taken for binary. Compressed or random data has about 11%
     * (28 of 256 byte values), UTF-16 text about 50%; real text has next to none, as tab, line breaks, form
     * feed and the escape of terminal colours do not count.
     */
    private static final double MAX_CONTROL_SHARE = 0.01;
    /**
     * Share of bytes outside valid UTF-8 above which text is refused as another encoding. A Western text in
     * Latin-1 has a few per cent (its accented letters), which still reads with U+FFFD in their place; a
     * Cyrillic or Greek single-byte encoding has most of its letters there and would index as noise.
     */
    private static final double MAX_INVALID_UTF8_SHARE = 0.10;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private ContentCheck() {
    }

    /**
     * The format the bytes unambiguously are, whatever they were declared as: a PDF starts with its header,
     * a DOCX is a zip holding word/document.xml. Such a file is parsed as what it is rather than refused:
     * the name or type was wrong, not the content, and the stored document records the type it was read as.
     */
    static Optional<String> evidentFormat(byte[] bytes) {
        if (ContentSniffer.startsWith(bytes, PDF_MAGIC)) {
            return Optional.of(ContentTypes.PDF);
        }
        if (ContentSniffer.startsWith(bytes, ContentSniffer.ZIP_MAGIC) && ContentSniffer.hasZipEntry(bytes, "word/document.xml")) {
            return Optional.of(ContentTypes.DOCX);
        }
        return Optional.empty();
    }

    /**
     * @param declared what the document was declared as, for the message: a content type or ".ext"
     * @param utf8 whether the bytes must also be UTF-8
     * @throws InvalidInputException when the bytes are binary or an archive, or not UTF-8 when they must be
     */
    static void requireText(byte[] bytes, String label, String declared, boolean utf8) {
        if (ContentSniffer.startsWith(bytes, ContentSniffer.ZIP_MAGIC)) { // members may be stored uncompressed, as text
            throw new InvalidInputException("Document '" + label + "' content is a zip archive; expected text for "
                    + declared + ": send the files inside it, or a whole folder or archive to convert");
        }
        long control = 0;
        long invalid = 0;
        for (int i = 0; i < bytes.length; ) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                if (isControl(b)) {
                    control++;
                }
                i++;
                continue;
            }
            int length = utf8SequenceLength(bytes, i);
            if (length == 0) {
                invalid++;
                i++;
            } else {
                i += length;
            }
        }
        if (control > bytes.length * MAX_CONTROL_SHARE) {
            throw new InvalidInputException("Document '" + label + "' content looks binary (" + percent(control, bytes.length)
                    + " control bytes); expected text for " + declared + ": send text, Markdown, HTML, PDF or DOCX, "
                    + "with the type or extension of what it really is");
        }
        if (utf8 && invalid > bytes.length * MAX_INVALID_UTF8_SHARE) {
            throw new InvalidInputException("Document '" + label + "' is not UTF-8 text (" + percent(invalid, bytes.length)
                    + " of its bytes are not valid UTF-8); expected text for " + declared + ": save it as UTF-8");
        }
    }

    private static boolean isControl(int b) {
        return (b < 0x20 && b != '\t' && b != '\n' && b != 0x0B && b != '\f' && b != '\r' && b != 0x1B) || b == 0x7F;
    }

    /** The length of the well-formed UTF-8 sequence starting at {@code i} with a non-ASCII byte, or 0. */
    private static int utf8SequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xFF;
        int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > bytes.length) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
