package dev.ragfn.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 GET over a socket connected to addresses the caller has already vetted.
 *
 * <p>Why not java.net.http or HttpURLConnection: both resolve the host name again when they
 * connect, and neither lets us hand them the vetted address while keeping the real name for the
 * Host header, SNI and certificate check. A second resolution is exactly what DNS rebinding
 * exploits. Here the socket goes to the vetted IP and TLS still verifies the certificate against
 * the host name (endpoint identification "HTTPS"), so nothing is re-resolved and nothing is
 * weakened. The price is a deliberately small client: GET only, no HTTP/2, no compression, no
 * keep-alive, no proxy.
 */
final class PinnedHttpClient {

    /** Status line and headers of a response, with the body when one was read. */
    record Reply(int status, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        boolean isRedirect() {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }
    }

    private static final int MAX_HEADERS = 100;

    private final SSLSocketFactory tls;
    private final Duration connectTimeout;

    PinnedHttpClient(SSLSocketFactory tls, Duration connectTimeout) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
    }

    /** GETs {@code uri} from one of {@code addresses}; only a 2xx body is read. */
    Reply get(URI uri, List<InetAddress> addresses, Instant deadline, long maxBytes, String what)
            throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        try (Socket socket = connect(addresses, port, deadline)) {
            Socket channel = https ? startTls(socket, uri.getHost(), port, deadline) : socket;
            sendRequest(channel.getOutputStream(), uri, https ? 443 : 80);
            InputStream in = new DeadlineInputStream(
                    new BufferedInputStream(channel.getInputStream()), channel, deadline);
            return readReply(in, maxBytes, what);
        }
    }

    private Socket connect(List<InetAddress> addresses, int port, Instant deadline) throws IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            long remaining = Duration.between(Instant.now(), deadline).toMillis();
            if (remaining <= 0) {
                throw new SocketTimeoutException("total timeout reached while connecting");
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port),
                        (int) Math.min(connectTimeout.toMillis(), remaining));
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last;
    }

    private Socket startTls(Socket socket, String host, int port, Instant deadline) throws IOException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, name, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!name.contains(":") && !name.matches("[0-9.]+")) { // SNI takes names, not IP literals
            parameters.setServerNames(List.of(new SNIHostName(name)));
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout((int) Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        ssl.startHandshake(); // bounded too, or a server that never speaks TLS would hang us
        return ssl;
    }

    private static void sendRequest(OutputStream out, URI uri, int defaultPort) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String host = uri.getPort() == -1 || uri.getPort() == defaultPort
                ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: ragfn-ingest\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static Reply readReply(InputStream in, long maxBytes, String what) throws IOException {
        int status;
        Map<String, String> headers;
        do { // 1xx interim responses precede the real one
            status = parseStatus(HttpLines.readLine(in));
            headers = readHeaders(in);
        } while (status >= 100 && status < 200);
        Reply head = new Reply(status, headers, new byte[0]);
        if (status < 200 || status > 299 || status == 204) {
            return head; // only a successful response carries a document worth downloading
        }
        return new Reply(status, headers, BoundedRead.readAtMost(body(in, head, maxBytes, what), maxBytes, what));
    }

    private static InputStream body(InputStream in, Reply head, long maxBytes, String what) throws IOException {
        if (head.header("transfer-encoding").filter(te -> te.toLowerCase(Locale.ROOT).contains("chunked")).isPresent()) {
            return new ChunkedInputStream(in);
        }
        Optional<String> contentLength = head.header("content-length");
        if (contentLength.isEmpty()) {
            return in; // the body ends when the server closes the connection
        }
        long length;
        try {
            length = Long.parseLong(contentLength.get().trim());
        } catch (NumberFormatException e) {
            throw new IOException("invalid Content-Length '" + contentLength.get() + "'", e);
        }
        BoundedRead.checkDeclaredLength(length, maxBytes, what);
        return new ExactLengthInputStream(in, length);
    }

    private static int parseStatus(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: '" + statusLine + "'");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("invalid HTTP status line: '" + statusLine + "'", e);
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        String line;
        while (!(line = HttpLines.readLine(in)).isEmpty()) {
            if (headers.size() >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " response headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(), (first, next) -> first + ", " + next);
            }
        }
        return headers;
    }
}
