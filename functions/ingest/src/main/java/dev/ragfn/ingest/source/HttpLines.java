package dev.ragfn.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads CRLF-terminated protocol lines with a length cap, so a header cannot grow without bound. */
final class HttpLines {

    static final int MAX_LINE_BYTES = 16 * 1024;

    private HttpLines() {
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw new EOFException("connection closed in the middle of a line");
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("protocol line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
