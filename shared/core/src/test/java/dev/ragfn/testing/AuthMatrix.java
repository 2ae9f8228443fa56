package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a request to an entry point can fail to prove who sends it (401) or prove someone who may
 * not do it (403), each sent over HTTP to a running application that trusts {@link TestIssuer}. Each
 * refusal must be a JSON problem {@code {"kind", "message"}}. The tokens it sent are kept, so a test
 * can look for them in the log afterwards.
 */
public final class AuthMatrix {

    /**
     * An entry point: method, path (with {@code {tenant}} where a query names the tenant), its body for a
     * tenant, the content type of that body, the role it needs, and whether the request names a tenant.
     */
    public record Endpoint(String method, String path, Function<String, String> body, String contentType, String role,
                           boolean namesTenant) {

        public static Endpoint post(String path, String role, Function<String, String> body) {
            return new Endpoint("POST", path, body, "application/json", role, true);
        }

        public static Endpoint get(String path, String role) {
            return new Endpoint("GET", path, tenant -> null, null, role, true);
        }

        public static Endpoint delete(String path, String role) {
            return new Endpoint("DELETE", path, tenant -> null, null, role, true);
        }

        public Endpoint contentType(String type) {
            return new Endpoint(method, path, body, type, role, namesTenant);
        }

        /** For an entry point whose requests name no tenant (convert): no other-tenant case. */
        public Endpoint withoutTenant() {
            return new Endpoint(method, path, body, contentType, role, false);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("reader", "editor", "admin");

    private final TestIssuer issuer;
    private final URI base;
    /** HTTP/1.1, as curl and Knative's ingress speak to a pod (Java's client would otherwise try an h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> sentTokens = new ArrayList<>();

    public AuthMatrix(TestIssuer issuer, URI base) {
        this.issuer = issuer;
        this.base = base;
    }

    /**
     * Sends {@code endpoint} as {@code user} of {@code tenant} with every flawed token, and once naming
     * {@code tenant} with a token of {@code otherTenant}, and once with every role below the one it needs.
     */
    public void assertRefused(Endpoint endpoint, String user, String tenant, String otherTenant) {
        String role = endpoint.role();
        Map<String, String> unauthenticated = new LinkedHashMap<>();
        unauthenticated.put("no token", null);
        unauthenticated.put("expired", issuer.user(user, tenant, role).expired().sign());
        unauthenticated.put("wrong issuer", issuer.user(user, tenant, role).issuer("http://127.0.0.1:9/realms/other").sign());
        unauthenticated.put("wrong audience", issuer.user(user, tenant, role).audience("another-api").sign());
        unauthenticated.put("bad signature", issuer.user(user, tenant, role).signedByAnotherKey());
        unauthenticated.put("alg none", issuer.user(user, tenant, role).unsigned());
        unauthenticated.forEach((flaw, token) -> assertProblem(endpoint, tenant, token, 401, "UNAUTHENTICATED", flaw));

        if (endpoint.namesTenant()) {
            assertProblem(endpoint, tenant, issuer.token(user, otherTenant, role), 403, "FORBIDDEN", "another tenant's token");
        }
        List<String> lower = ROLES.subList(0, ROLES.indexOf(role));
        assertProblem(endpoint, tenant, issuer.token(user, tenant, lower.toArray(String[]::new)), 403, "FORBIDDEN",
                "roles " + lower + " only");
    }

    /** Sends {@code endpoint} for {@code tenant} with {@code token} (null: none) and expects the JSON problem. */
    public JsonNode assertProblem(Endpoint endpoint, String tenant, String token, int status, String kind, String why) {
        HttpResponse<String> response = send(endpoint, tenant, token);
        String what = endpoint + " with " + why + " answered " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = read(response.body());
        assertThat(body.path("kind").asText()).as(what).isEqualTo(kind);
        assertThat(body.path("message").asText()).as(what).isNotBlank();
        return body;
    }

    public HttpResponse<String> send(Endpoint endpoint, String tenant, String token) {
        String body = endpoint.body().apply(tenant);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(endpoint.path().replace("{tenant}", tenant)))
                .timeout(Duration.ofSeconds(60))
                .method(endpoint.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", endpoint.contentType());
        }
        if (token != null) {
            sentTokens.add(token);
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every token sent so far, accepted or refused. */
    public List<String> sentTokens() {
        return List.copyOf(sentTokens);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the answer is not JSON: " + body, e);
        }
    }
}
