package dev.ragfn.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.error.AccessDeniedException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerClaimsTest {

    @Test
    void should_read_user_tenant_and_roles_when_the_claims_have_the_default_names() {
        CallerClaims claims = new CallerClaims(AuthSettings.auth(Map.of()));

        Caller caller = claims.caller(json("{\"sub\":\"u-1\",\"tenant\":\"acme\",\"roles\":[\"editor\",\"offline_access\"]}"));

        assertThat(caller).isEqualTo(new Caller("u-1", "acme", java.util.Set.of(Role.EDITOR)));
        assertThat(caller.has(Role.READER)).isTrue();
        assertThat(caller.has(Role.ADMIN)).isFalse();
    }

    @Test
    void should_take_the_prefixed_group_and_the_nested_roles_when_configured_for_keycloak_groups() {
        CallerClaims claims = new CallerClaims(AuthSettings.auth(Map.of("ragfn.auth.tenant-claim", "groups",
                "ragfn.auth.tenant-prefix", "tenant-", "ragfn.auth.roles-claim", "realm_access.roles",
                "ragfn.auth.user-claim", "preferred_username")));

        Caller caller = claims.caller(json("{\"preferred_username\":\"alice\",\"groups\":[\"/staff\",\"/tenant-acme\"],"
                + "\"realm_access\":{\"roles\":[\"admin\"]}}"));

        assertThat(caller.user()).isEqualTo("alice");
        assertThat(caller.tenant()).isEqualTo("acme");
        assertThat(caller.has(Role.EDITOR)).isTrue();
    }

    @Test
    void should_refuse_the_token_when_it_names_no_tenant_or_several() {
        CallerClaims claims = new CallerClaims(AuthSettings.auth(Map.of("ragfn.auth.tenant-claim", "groups",
                "ragfn.auth.tenant-prefix", "tenant-")));

        assertThatThrownBy(() -> claims.caller(json("{\"sub\":\"u\",\"groups\":[\"staff\"]}")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("names no tenant (claim groups, prefix tenant-)")
                .extracting(e -> ((RagfnException) e).kind()).isEqualTo(RagfnException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> claims.caller(json("{\"sub\":\"u\",\"groups\":[\"tenant-a\",\"tenant-b\"]}")))
                .hasMessageContaining("several tenants");
    }

    @Test
    void should_grant_no_role_when_the_roles_claim_is_missing() {
        Caller caller = new CallerClaims(AuthSettings.auth(Map.of())).caller(json("{\"sub\":\"u\",\"tenant\":\"acme\"}"));

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.has(Role.READER)).isFalse();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
