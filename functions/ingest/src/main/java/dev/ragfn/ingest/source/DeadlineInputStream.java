package dev.ragfn.ingest.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;

/**
 * Shrinks the socket read timeout to the time left before each read, so a server trickling one
 * byte at a time cannot stretch a fetch past its total timeout.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final Instant deadline;

    DeadlineInputStream(InputStream in, Socket socket, Instant deadline) {
        super(in);
        this.socket = socket;
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        armTimeout();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        armTimeout();
        return super.read(buffer, offset, length);
    }

    private void armTimeout() throws IOException {
        long remainingMillis = deadline.toEpochMilli() - System.currentTimeMillis();
        if (remainingMillis <= 0) {
            throw new SocketTimeoutException("total timeout reached");
        }
        socket.setSoTimeout((int) Math.min(remainingMillis, Integer.MAX_VALUE));
    }
}
