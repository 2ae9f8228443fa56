package dev.ragfn.ingest.source;

import dev.ragfn.core.error.TooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream with a hard size cap, so a lying or missing length header cannot exhaust memory. */
final class BoundedRead {

    private BoundedRead() {
    }

    /** Refuses before reading when the source already declared a length over the cap. */
    static void checkDeclaredLength(long declaredLength, long maxBytes, String what) {
        if (declaredLength > maxBytes) {
            throw tooLarge(what, "declares " + declaredLength + " bytes", maxBytes);
        }
    }

    /** Reads everything, or throws as soon as one byte more than {@code maxBytes} arrives. */
    static byte[] readAtMost(InputStream in, long maxBytes, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(what, "has more than " + maxBytes + " bytes", maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static TooLargeException tooLarge(String what, String fact, long maxBytes) {
        return new TooLargeException(what + " " + fact + ", over the limit of " + maxBytes
                + " bytes: split the document or raise the ingest size limit");
    }
}
