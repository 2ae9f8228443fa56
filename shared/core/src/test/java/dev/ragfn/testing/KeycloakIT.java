package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm of infra/keycloak/realm-ragfn.json on a real Keycloak: tokens got with real grants carry
 * the claims ragfn's defaults read (aud ragfn-api, tenant, roles, sub), and are signed by a key the
 * realm publishes through its discovery document.
 */
class KeycloakIT {

    private static final int ACCESS_TOKEN_LIFESPAN_SECONDS = 300;

    private static KeycloakTokens tokens;
    private static JsonNode discovery;

    @BeforeAll
    static void startKeycloak() {
        tokens = KeycloakTokens.fromInfra();
        discovery = KeycloakTokens.getJson(tokens.issuer() + "/.well-known/openid-configuration");
    }

    @Test
    void should_issue_signed_tokens_with_tenant_and_roles_when_users_sign_in_with_the_password_grant() {
        // given the users of the realm file
        Map<String, User> users = Map.of(
                "alice", new User("acme", Set.of("reader", "editor")),
                "bob", new User("acme", Set.of("reader")),
                "carol", new User("globex", Set.of("reader", "editor")),
                "root", new User("acme", Set.of("admin")));
        List<String> subjects = new ArrayList<>();

        users.forEach((username, expected) -> {
            // when the user signs in
            Instant before = Instant.now();
            String token = tokens.forUser(username);

            // then the token is one ragfn can verify and read
            JsonNode claims = verifiedClaims(token);
            assertContractClaims(username, claims, expected, before);
            subjects.add(claims.path("sub").asText());
        });
        assertThat(new HashSet<>(subjects)).as("one sub per user").hasSize(users.size());
    }

    @Test
    void should_issue_an_acme_admin_token_when_the_service_uses_client_credentials() {
        // given the confidential client and its secret
        Instant before = Instant.now();

        // when it asks for a token of its own
        String token = tokens.forService();

        // then the token speaks for its service account: tenant acme, role admin, a sub of its own
        JsonNode claims = verifiedClaims(token);
        assertContractClaims(KeycloakTokens.SERVICE_CLIENT, claims, new User("acme", Set.of("admin")), before);
        assertThat(claims.path("azp").asText()).isEqualTo(KeycloakTokens.SERVICE_CLIENT);
        assertThat(claims.path("sub").asText())
                .isNotEqualTo(verifiedClaims(tokens.forUser("root")).path("sub").asText());
    }

    @Test
    void should_refuse_a_token_when_the_password_is_wrong() {
        // given alice's username with someone else's password
        // when she signs in
        KeycloakTokens.Reply reply = tokens.passwordGrant("alice", "bob-pw");

        // then Keycloak answers an OAuth error and no token
        assertThat(reply.status()).isIn(400, 401);
        assertThat(reply.body().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(reply.body().has("access_token")).isFalse();
    }

    @Test
    void should_refuse_a_token_when_the_client_secret_is_wrong() {
        // when the service presents a wrong secret
        KeycloakTokens.Reply reply = tokens.clientCredentialsGrant(KeycloakTokens.SERVICE_CLIENT, "not-the-secret");

        // then (Keycloak names it unauthorized_client where RFC 6749 says invalid_client)
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().path("error").asText()).isIn("invalid_client", "unauthorized_client");
        assertThat(reply.body().has("access_token")).isFalse();
    }

    @Test
    void should_fail_the_signature_check_when_a_claim_of_a_real_token_is_altered() {
        // given a real token of bob (tenant acme) whose payload claims tenant globex
        String[] parts = tokens.forUser("bob").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"");
        String forged = parts[0] + "." + base64Url(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        // when / then the check used above refuses it (so its passes mean something)
        assertThat(KeycloakTokens.claims(forged).path("tenant").asText()).isEqualTo("globex");
        assertThat(signatureValid(forged)).isFalse();
    }

    private record User(String tenant, Set<String> roles) {
    }

    private static void assertContractClaims(String who, JsonNode claims, User expected, Instant before) {
        assertThat(claims.path("iss").asText()).as(who + " iss")
                .isEqualTo(tokens.issuer()).isEqualTo(discovery.path("issuer").asText());
        assertThat(audiences(claims)).as(who + " aud").contains("ragfn-api");
        assertThat(claims.path("tenant").isTextual()).as(who + " tenant is a string: " + claims).isTrue();
        assertThat(claims.path("tenant").asText()).as(who + " tenant").isEqualTo(expected.tenant());
        assertThat(strings(claims.path("roles"))).as(who + " roles").containsExactlyInAnyOrderElementsOf(expected.roles());
        assertThat(claims.path("sub").asText()).as(who + " sub").isNotBlank();
        long exp = claims.path("exp").asLong();
        assertThat(exp - claims.path("iat").asLong()).as(who + " lifespan").isEqualTo(ACCESS_TOKEN_LIFESPAN_SECONDS);
        assertThat(exp).as(who + " exp").isGreaterThan(before.getEpochSecond());
    }

    /** A single audience comes as a string, several as an array (RFC 7519, 4.1.3). */
    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : List.of(aud.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode verifiedClaims(String jwt) {
        assertThat(signatureValid(jwt)).as("signature of " + KeycloakTokens.header(jwt)).isTrue();
        return KeycloakTokens.claims(jwt);
    }

    /** RS256 against the realm key named by the token's kid, from the JWKS the discovery document points at. */
    private static boolean signatureValid(String jwt) {
        JsonNode header = KeycloakTokens.header(jwt);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        int lastDot = jwt.lastIndexOf('.');
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(signingKey(header.path("kid").asText()));
            rs256.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("cannot check the signature of a token", e);
        }
    }

    private static PublicKey signingKey(String kid) throws GeneralSecurityException {
        JsonNode jwks = KeycloakTokens.getJson(discovery.path("jwks_uri").asText());
        for (JsonNode key : jwks.path("keys")) {
            if (key.path("kid").asText().equals(kid) && key.path("use").asText("sig").equals("sig")) {
                assertThat(key.path("kty").asText()).isEqualTo("RSA");
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        unsigned(key.path("n").asText()), unsigned(key.path("e").asText())));
            }
        }
        throw new AssertionError("no signing key " + kid + " in " + jwks);
    }

    private static BigInteger unsigned(String base64Url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
