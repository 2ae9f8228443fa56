package dev.ragfn.runtime.auth;

import io.smallrye.config.SmallRyeConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OidcSettingsTest {

    @Test
    void should_turn_the_oidc_tenant_off_when_the_mode_is_none() {
        SmallRyeConfig config = AuthSettings.of(Map.of());

        assertThat(config.getValue("quarkus.oidc.tenant-enabled", Boolean.class)).isFalse();
        assertThat(config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)).isEmpty();
    }

    @Test
    void should_hand_issuer_audience_and_clock_skew_to_quarkus_oidc_when_the_mode_is_oidc() {
        SmallRyeConfig config = AuthSettings.of(Map.of("ragfn.auth.mode", "oidc",
                "ragfn.auth.issuer", "http://127.0.0.1:8180/realms/ragfn", "ragfn.auth.clock-skew", "2m"));

        assertThat(config.getValue("quarkus.oidc.tenant-enabled", Boolean.class)).isTrue();
        assertThat(config.getValue("quarkus.oidc.auth-server-url", String.class)).isEqualTo("http://127.0.0.1:8180/realms/ragfn");
        assertThat(config.getValue("quarkus.oidc.token.audience", String.class)).isEqualTo("ragfn-api");
        assertThat(config.getValue("quarkus.oidc.token.lifespan-grace", Integer.class)).isEqualTo(120);
    }

    @Test
    void should_leave_an_explicit_quarkus_oidc_value_alone_when_one_is_set() {
        SmallRyeConfig config = AuthSettings.of(Map.of("ragfn.auth.mode", "oidc", "ragfn.auth.issuer", "http://a",
                "quarkus.oidc.token.audience", "other"));

        assertThat(config.getValue("quarkus.oidc.token.audience", String.class)).isEqualTo("other");
    }

    @Test
    void should_set_no_quarkus_oidc_key_when_the_package_has_no_quarkus_oidc() {
        SmallRyeConfig config = AuthSettings.of(Map.of("ragfn.auth.mode", "oidc", "ragfn.auth.issuer", "http://a"), false);

        assertThat(config.getPropertyNames()).noneMatch(name -> name.startsWith("quarkus.oidc."));
    }
}
