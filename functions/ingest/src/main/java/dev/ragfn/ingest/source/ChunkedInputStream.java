package dev.ragfn.ingest.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body (RFC 9112 section 7.1); trailers are read and dropped. */
final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private long remainingInChunk;
    private boolean finished;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = nextChunkSize();
            if (remainingInChunk == 0) {
                skipTrailers();
                finished = true;
                return -1;
            }
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (read == -1) {
            throw new EOFException("chunked body ended inside a chunk");
        }
        remainingInChunk -= read;
        if (remainingInChunk == 0) {
            HttpLines.readLine(in); // the CRLF closing each chunk
        }
        return read;
    }

    private long nextChunkSize() throws IOException {
        String line = HttpLines.readLine(in);
        int extension = line.indexOf(';');
        String hex = (extension >= 0 ? line.substring(0, extension) : line).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new NumberFormatException(hex);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("invalid chunk size '" + hex + "'", e);
        }
    }

    private void skipTrailers() throws IOException {
        while (!HttpLines.readLine(in).isEmpty()) {
            // trailers carry nothing we use
        }
    }
}
