package dev.ragfn.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OIDC issuer in the test's own process that speaks the real protocol: it serves
 * {@code /.well-known/openid-configuration} and a JWKS over HTTP, and signs tokens with its RSA key
 * (RS256), so quarkus-oidc validates them exactly as it would a Keycloak's. One issuer serves the
 * whole test JVM ({@link #shared()}), since an application under test trusts the keys it fetched at
 * start-up. Tokens it should refuse come from the same builder: {@link Token#expired()},
 * {@link Token#issuer(String)}, {@link Token#audience(String)}, {@link Token#signedByAnotherKey()},
 * {@link Token#unsigned()}.
 *
 * <pre>{@code
 * // a QuarkusTestProfile: getConfigOverrides() { return TestIssuer.shared().config(); }
 * String token = TestIssuer.shared().token("alice", "acme", "reader");
 * given().auth().oauth2(token)...
 * }</pre>
 */
public final class TestIssuer implements AutoCloseable {

    /** The audience the tokens carry, ragfn.auth.audience's default. */
    public static final String AUDIENCE = "ragfn-api";

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Where the shared issuer leaves its URL and key for the other class loaders of the JVM: a
     * QuarkusTestProfile runs in another than the test it configures, and both must sign alike.
     */
    private static final String SHARED_ISSUER = "dev.ragfn.testing.issuer.url";
    private static final String SHARED_KEY = "dev.ragfn.testing.issuer.jwk";
    private static TestIssuer shared;

    private final HttpServer server;
    private final String issuer;
    private final RsaJsonWebKey key;
    private final RsaJsonWebKey unknownKey;

    private TestIssuer() {
        try {
            this.key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            this.unknownKey = anotherKeyOfTheSameId(key);
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot make the test issuer's RSA key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/", this::serve);
        server.start();
    }

    /** The issuer another class loader started: signs with its key, serves nothing itself. */
    private TestIssuer(String issuer, String privateJwk) {
        try {
            this.key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(privateJwk);
            this.unknownKey = anotherKeyOfTheSameId(key);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot read the shared test issuer's key", e);
        }
        this.issuer = issuer;
        this.server = null;
    }

    private static RsaJsonWebKey anotherKeyOfTheSameId(RsaJsonWebKey key) throws JoseException {
        RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
        other.setKeyId(key.getKeyId());
        return other;
    }

    /** A new issuer with its own key, for a test that needs one to itself. */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    /** The issuer of this test JVM, started on first use. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            synchronized (System.getProperties()) {
                if (System.getProperty(SHARED_ISSUER) != null) {
                    shared = new TestIssuer(System.getProperty(SHARED_ISSUER), System.getProperty(SHARED_KEY));
                } else {
                    shared = new TestIssuer();
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
                    System.setProperty(SHARED_KEY, shared.key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
                    System.setProperty(SHARED_ISSUER, shared.issuer);
                }
            }
        }
        return shared;
    }

    /** The issuer URL, which tokens carry as iss. */
    public String issuer() {
        return issuer;
    }

    /** What an application under test sets to trust this issuer (ragfn.auth.mode=oidc and the issuer). */
    public Map<String, String> config() {
        return Map.of("ragfn.auth.mode", "oidc", "ragfn.auth.issuer", issuer);
    }

    /** A valid token of {@code user} in {@code tenant} with {@code roles} (reader, editor, admin). */
    public String token(String user, String tenant, String... roles) {
        return user(user, tenant, roles).sign();
    }

    /** A token to adjust before signing. */
    public Token user(String user, String tenant, String... roles) {
        return new Token(user, tenant, List.of(roles));
    }

    /** Strings that must never show in a log: the private key's parts, as the JWKS would spell them. */
    public List<String> secrets() {
        Map<String, Object> privateJwk = key.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        return List.of(String.valueOf(privateJwk.get("d")), String.valueOf(privateJwk.get("p")),
                String.valueOf(privateJwk.get("q")));
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, Object> body;
        if (path.endsWith("/.well-known/openid-configuration")) {
            body = new LinkedHashMap<>();
            body.put("issuer", issuer);
            body.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
            body.put("token_endpoint", issuer + "/protocol/openid-connect/token");
            body.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
            body.put("response_types_supported", List.of("code"));
            body.put("subject_types_supported", List.of("public"));
            body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        } else if (path.endsWith("/protocol/openid-connect/certs")) {
            body = Map.of("keys", List.of(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A token's claims, valid until a method changes one. */
    public final class Token {

        private final JwtClaims claims = new JwtClaims();

        private Token(String user, String tenant, List<String> roles) {
            claims.setIssuer(issuer);
            claims.setAudience(AUDIENCE);
            claims.setSubject(user);
            claims.setClaim("preferred_username", user);
            claims.setClaim("tenant", tenant);
            claims.setStringListClaim("roles", roles);
            claims.setGeneratedJwtId();
            claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond()));
        }

        /** Expired an hour ago, far beyond any clock skew. */
        public Token expired() {
            claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().minus(Duration.ofHours(2)).getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().minus(Duration.ofHours(1)).getEpochSecond()));
            return this;
        }

        public Token issuer(String otherIssuer) {
            claims.setIssuer(otherIssuer);
            return this;
        }

        public Token audience(String otherAudience) {
            claims.setAudience(otherAudience);
            return this;
        }

        /** Any other claim, such as {@code groups} or {@code realm_access}. */
        public Token claim(String name, Object value) {
            claims.setClaim(name, value);
            return this;
        }

        public Token without(String claim) {
            claims.unsetClaim(claim);
            return this;
        }

        /** Signed with the issuer's published key: valid, unless a claim was changed. */
        public String sign() {
            return jws(key, AlgorithmIdentifiers.RSA_USING_SHA256);
        }

        /** Signed with a key of the same id that the issuer never published: a forged token. */
        public String signedByAnotherKey() {
            return jws(unknownKey, AlgorithmIdentifiers.RSA_USING_SHA256);
        }

        /** {@code "alg": "none"}, no signature at all. */
        public String unsigned() {
            return jws(null, AlgorithmIdentifiers.NONE);
        }

        private String jws(RsaJsonWebKey signer, String algorithm) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setKeyIdHeaderValue(key.getKeyId());
            if (signer == null) {
                jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            } else {
                jws.setKey(signer.getPrivateKey());
            }
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException("cannot sign a test token", e);
            }
        }
    }
}
