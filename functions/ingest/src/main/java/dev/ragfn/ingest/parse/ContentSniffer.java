package dev.ragfn.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Guesses a content type from the bytes alone, for sources that declare none and names without extension. */
final class ContentSniffer {

    private static final int PDF_HEADER_WINDOW = 1024; // readers accept the header anywhere in the first KB
    private static final int MAX_ZIP_ENTRIES_SCANNED = 1000;
    static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private ContentSniffer() {
    }

    static Optional<String> sniff(byte[] bytes) {
        if (isPdf(bytes)) {
            return Optional.of(ContentTypes.PDF);
        }
        if (startsWith(bytes, ZIP_MAGIC)) {
            return hasZipEntry(bytes, "word/document.xml") ? Optional.of(ContentTypes.DOCX) : Optional.empty();
        }
        return text(bytes).map(text -> looksLikeHtml(text) ? ContentTypes.HTML : ContentTypes.PLAIN_TEXT);
    }

    private static boolean isPdf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PDF_HEADER_WINDOW), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads entry names only; no entry is inflated, so a zip bomb costs nothing here. */
    static boolean hasZipEntry(byte[] bytes, String entryName) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            for (int scanned = 0; scanned < MAX_ZIP_ENTRIES_SCANNED && (entry = zip.getNextEntry()) != null; scanned++) {
                if (entry.getName().equals(entryName)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Valid UTF-8 without control characters other than whitespace; anything else is binary. */
    private static Optional<String> text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            boolean binary = text.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c));
            return binary ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeHtml(String text) {
        String head = (text.startsWith("\uFEFF") ? text.substring(1) : text).strip().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html")
                || (head.startsWith("<") && head.substring(0, Math.min(head.length(), 1024)).contains("<html"));
    }
}
