package dev.ragfn.convert.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * An HTTP server on 127.0.0.1 for tests of the Git transport: either a smart-HTTP Git server for
 * one repository at {@code /repo.git} (JGit's own UploadPack, stateless as over HTTP), or a server
 * that gives every request the same scripted answer.
 */
final class GitHttpServer implements AutoCloseable {

    /** One scripted answer; {@code location} is sent as the Location header when not null. */
    record Answer(int status, String contentType, String body, String location) {
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private GitHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    static GitHttpServer serving(Repository repository) throws IOException {
        GitHttpServer git = new GitHttpServer();
        git.server.createContext("/repo.git/info/refs", exchange -> git.advertise(exchange, repository));
        git.server.createContext("/repo.git/git-upload-pack", exchange -> git.uploadPack(exchange, repository));
        git.server.start();
        return git;
    }

    static GitHttpServer answering(Answer answer) throws IOException {
        GitHttpServer scripted = new GitHttpServer();
        scripted.server.createContext("/", exchange -> scripted.answer(exchange, answer));
        scripted.server.start();
        return scripted;
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private void advertise(HttpExchange exchange, Repository repository) throws IOException {
        requests.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=git-upload-pack\n");
            packets.end();
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(packets));
        }
    }

    private void uploadPack(HttpExchange exchange, Repository repository) throws IOException {
        requests.incrementAndGet();
        InputStream in = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.upload(in, out, null);
        }
    }

    private void answer(HttpExchange exchange, Answer answer) throws IOException {
        requests.incrementAndGet();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        if (answer.location() != null) {
            exchange.getResponseHeaders().set("Location", answer.location());
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
