package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the real Keycloak of infra/keycloak.sh, got over HTTP with the grants real
 * callers use: the password grant through the public client {@code ragfn-cli} for the realm's users
 * (alice, bob, carol, root; password = username + "-pw"), client credentials for the confidential
 * client {@code ragfn-service}. Tokens live 300 s: get them per test, not per suite.
 */
public final class KeycloakTokens {

    public static final String CLI_CLIENT = "ragfn-cli";
    public static final String SERVICE_CLIENT = "ragfn-service";
    public static final String SERVICE_SECRET = "ragfn-service-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String issuer;

    public KeycloakTokens(String issuer) {
        this.issuer = issuer;
    }

    /** Tokens of the Keycloak that {@link InfraServer#keycloak()} starts or reuses. */
    public static KeycloakTokens fromInfra() {
        return new KeycloakTokens(InfraServer.keycloak());
    }

    public String issuer() {
        return issuer;
    }

    /** The access token of a realm user, who signs in with the password of the realm file. */
    public String forUser(String username) {
        return passwordGrant(username, username + "-pw").accessToken();
    }

    /** The access token of the ragfn-service client's own service account (tenant acme, admin). */
    public String forService() {
        return clientCredentialsGrant(SERVICE_CLIENT, SERVICE_SECRET).accessToken();
    }

    public Reply passwordGrant(String username, String password) {
        return tokenRequest(Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password));
    }

    public Reply clientCredentialsGrant(String clientId, String secret) {
        return tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** The token endpoint's answer: 200 with {@code access_token}, or an OAuth error. */
    public record Reply(int status, JsonNode body) {

        public String accessToken() {
            if (status != 200 || !body.hasNonNull("access_token")) {
                // The body names the OAuth error (invalid_grant, invalid_client, ...), never a secret.
                throw new IllegalStateException("Keycloak refused the token request: HTTP " + status + " " + body);
            }
            return body.get("access_token").asText();
        }
    }

    /** The claims of a JWT, decoded but NOT verified: for assertions on a token Keycloak just issued. */
    public static JsonNode claims(String jwt) {
        return decodePart(jwt, 1);
    }

    /** The JOSE header of a JWT ({@code alg}, {@code kid}). */
    public static JsonNode header(String jwt) {
        return decodePart(jwt, 0);
    }

    private static JsonNode decodePart(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT (" + parts.length + " parts)");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET of a JSON document of the realm, such as its discovery document or JWKS. */
    public static JsonNode getJson(String url) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(url)).GET());
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + url + " answered HTTP " + reply.status());
        }
        return reply.body();
    }

    private Reply tokenRequest(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            // Generous: hashing a password takes a while on a loaded 2-core machine.
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
