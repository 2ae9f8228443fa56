package dev.ragfn.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;

/** Where the console's calls go when it runs as a Service of its own: the api and chat-turn Services. */
@ConfigMapping(prefix = "ragfn.console-server")
public interface ConsoleServerConfig {

    /** The management API (functions/api) that /api/... and /q/openapi are passed to, in the namespace ragfn by default. */
    @WithDefault("http://api.ragfn.svc.cluster.local")
    URI apiUrl();

    /** The chat (functions/chat-turn) that /chat/... is passed to, streams included. */
    @WithDefault("http://chat-turn.ragfn.svc.cluster.local")
    URI chatUrl();
}
