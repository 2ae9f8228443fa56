package dev.ragfn.ingest.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads exactly the declared Content-Length; a shorter body is an error, not a short document. */
final class ExactLengthInputStream extends InputStream {

    private final InputStream in;
    private long remaining;

    ExactLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (read == -1) {
            throw new EOFException("body ended " + remaining + " bytes before its Content-Length");
        }
        remaining -= read;
        return read;
    }
}
