package dev.ragfn.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** Settings of the management API. */
@ConfigMapping(prefix = "ragfn.api")
public interface ApiConfig {

    /** Largest uploaded file, in bytes; keep it at or under ragfn.ingest.max-document-bytes, which ingest applies again. */
    @WithDefault("20000000")
    long maxUploadBytes();

    /** Where uploads and re-ingestions go as CloudEvents (the Knative Broker's URL, as a SinkBinding's K_SINK gives it); the bundle uses its local broker instead. */
    Optional<URI> brokerUrl();

    /** The EventBridge bus uploads and re-ingestions go to on Lambda (the broker there); set, it is used instead of broker-url. */
    Optional<String> eventBus();

    /** Endpoint of the EventBridge API, for a local stand-in; unset means AWS's endpoint of the region of the environment. */
    Optional<URI> eventBusEndpoint();

    /** Accept local folders, archives and file:// URLs as a conversion's repository (the bundle on one machine, with ragfn.convert.allow-local-sources); off where the API is deployed. */
    @WithDefault("false")
    boolean allowLocalConversionSources();

    /** Items in a page of any list (documents, conversions, summaries) when a request names no limit. */
    @WithDefault("50")
    int defaultPageSize();

    /** Longest request URL (path and query) in characters; longer is refused with a JSON 414. Keep quarkus.http.limits.max-initial-line-length above it: past that the HTTP layer answers 414 without a body. */
    @WithDefault("4096")
    int maxUrlLength();

    /** Largest request header section (every name and value) in bytes; larger is refused with a JSON 431. Keep quarkus.http.limits.max-header-size above it: past that the HTTP layer answers 431 without a body. */
    @WithDefault("20480")
    int maxHeaderBytes();

    /** OIDC client the web console signs users in with: a public client of the issuer with the authorization-code flow and PKCE. */
    @WithDefault("ragfn-console")
    String consoleClientId();
}
