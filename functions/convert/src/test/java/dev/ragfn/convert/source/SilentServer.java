package dev.ragfn.convert.source;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that accepts connections and then never answers, or, when built with
 * {@link #trickling()}, answers a Git advertisement's headers and then one byte now and then,
 * forever. It counts what it accepted, so a test can also tell that nothing connected at all.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final boolean trickle;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentServer(boolean trickle) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
        this.trickle = trickle;
        this.acceptor = Thread.ofPlatform().daemon().name("silent-server").start(this::acceptForever);
    }

    /** Accepts and never says a word. */
    public static SilentServer silent() throws IOException {
        return new SilentServer(false);
    }

    /** Starts a Git answer and never finishes it: each read gets a byte, the whole never comes. */
    public static SilentServer trickling() throws IOException {
        return new SilentServer(true);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.size();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                if (trickle) {
                    Thread.ofPlatform().daemon().name("trickle").start(() -> trickle(socket));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-git-upload-pack-advertisement\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // one endless chunk: the service line, then a ref line announced as 65516 bytes long, sent a byte at a time
            out.write("10000000\r\n001e# service=git-upload-pack\n0000fff0".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            while (!socket.isClosed()) {
                out.write('0');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, as it should
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
