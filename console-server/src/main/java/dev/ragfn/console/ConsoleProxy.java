package dev.ragfn.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;

/**
 * Serves the console's calls from its own origin, so the browser needs no CORS: /api/... and the OpenAPI
 * document go to the api Service, /chat/... to chat-turn, as they came (bearer token included; those
 * Services check it). Responses stream through, so a chat answer arrives token by token.
 */
@ApplicationScoped
public class ConsoleProxy {

    private final ConsoleServerConfig config;

    public ConsoleProxy(ConsoleServerConfig config) {
        this.config = config;
    }

    void routes(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient();
        HttpProxy api = to(client, config.apiUrl());
        HttpProxy chat = to(client, config.chatUrl());
        router.route("/api/*").handler(ctx -> api.handle(ctx.request()));
        router.route("/q/openapi").handler(ctx -> api.handle(ctx.request()));
        router.route("/chat/*").handler(ctx -> chat.handle(ctx.request()));
        router.route("/").handler(ctx -> ctx.redirect("/console/"));
    }

    /** A proxy to {@code target}; the routes are set up at start, so a bad URL stops the start, not a user's call. */
    private static HttpProxy to(HttpClient client, URI target) {
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("ragfn.console-server URLs must be http://host[:port] (inside the cluster)"
                    + " but one was " + target);
        }
        int port = target.getPort() < 0 ? 80 : target.getPort();
        HostAndPort authority = HostAndPort.create(target.getHost(), port);
        return HttpProxy.reverseProxy(client).origin(port, target.getHost()).addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                // Knative routes by Host: keep the browser's and the call would come back here.
                context.request().setAuthority(authority);
                HttpServerRequest incoming = context.request().proxiedRequest();
                if (incoming.version() == HttpVersion.HTTP_2 && context.request().getBody().length() < 0
                        && !incoming.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                    // An HTTP/2 body has no length header; the proxy sends it on over HTTP/1.1 only when chunked.
                    incoming.headers().set(HttpHeaders.TRANSFER_ENCODING, "chunked");
                }
                return context.sendRequest();
            }
        });
    }
}
