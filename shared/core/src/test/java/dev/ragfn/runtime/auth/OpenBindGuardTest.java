package dev.ragfn.runtime.auth;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenBindGuardTest {

    private static final AuthConfig NONE = AuthSettings.auth(Map.of());

    @Test
    void should_allow_no_auth_when_the_server_listens_on_loopback_or_not_at_all() {
        assertThat(OpenBindGuard.problem(NONE, true, "127.0.0.1")).isNull();
        assertThat(OpenBindGuard.problem(NONE, true, "localhost")).isNull();
        assertThat(OpenBindGuard.problem(NONE, true, "::1")).isNull();
        assertThat(OpenBindGuard.problem(NONE, false, "0.0.0.0")).isNull();
    }

    @Test
    void should_name_the_key_to_set_when_no_auth_listens_on_every_address() {
        assertThat(OpenBindGuard.problem(NONE, true, "0.0.0.0"))
                .contains("RAGFN_AUTH_MODE=oidc").contains("QUARKUS_HTTP_HOST=127.0.0.1");
    }

    @Test
    void should_ask_for_the_issuer_when_oidc_has_none() {
        assertThat(OpenBindGuard.problem(AuthSettings.auth(Map.of("ragfn.auth.mode", "oidc")), true, "0.0.0.0"))
                .contains("RAGFN_AUTH_ISSUER");
        assertThat(OpenBindGuard.problem(AuthSettings.auth(Map.of("ragfn.auth.mode", "oidc",
                "ragfn.auth.issuer", "http://127.0.0.1:8180/realms/ragfn")), true, "0.0.0.0")).isNull();
    }
}
