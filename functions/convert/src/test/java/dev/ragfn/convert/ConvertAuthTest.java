package dev.ragfn.convert;

import dev.ragfn.testing.AuthMatrix;
import dev.ragfn.testing.AuthMatrix.Endpoint;
import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /convert with ragfn.auth.mode=oidc takes an admin's token, or answers a JSON 401/403 and
 * writes no pattern; POST / stays open to the broker's events.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class ConvertAuthTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void should_refuse_every_flawed_token_and_write_no_pattern_when_convert_is_called() {
        String name = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        Endpoint convert = Endpoint.post("/convert", "admin",
                tenant -> "{\"source\":\"src/test/resources/no-such-repo\",\"name\":\"" + name + "\"}").withoutTenant();

        new AuthMatrix(TestIssuer.shared(), base).assertRefused(convert, "mallory", "acme", "globex");

        assertThat(Files.exists(Path.of("target/test-data/patterns", name))).isFalse();
    }
}
