package dev.ragfn.runtime.auth;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

import java.time.Duration;
import java.util.Map;

/** AuthConfig and the quarkus.oidc.* keys derived from it, as an application with quarkus-oidc (or without) would see them. */
final class AuthSettings {

    private AuthSettings() {
    }

    static SmallRyeConfig of(Map<String, String> values) {
        return of(values, true);
    }

    static SmallRyeConfig of(Map<String, String> values, boolean oidcPresent) {
        return new SmallRyeConfigBuilder()
                .withMapping(AuthConfig.class)
                // Quarkus reads durations such as 30s; plain SmallRye only ISO-8601.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new MapBackedConfigSource("test", values, 500) { })
                .withSources(new OidcSettings(oidcPresent))
                .build();
    }

    static AuthConfig auth(Map<String, String> values) {
        return of(values).getConfigMapping(AuthConfig.class);
    }
}
