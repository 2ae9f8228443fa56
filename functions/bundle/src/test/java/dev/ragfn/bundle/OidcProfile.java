package dev.ragfn.bundle;

import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.Map;

/**
 * The bundle with ragfn.auth.mode=oidc, trusting the test JVM's {@link TestIssuer}. Its log goes to a
 * file, with the security layers at DEBUG, so a test can check that no token reaches it.
 */
public class OidcProfile implements QuarkusTestProfile {

    static final String LOG = "target/oidc-bundle.log";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(TestIssuer.shared().config());
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG);
        config.put("quarkus.log.category.\"io.quarkus.oidc\".level", "DEBUG");
        config.put("quarkus.log.category.\"io.quarkus.security\".level", "DEBUG");
        config.put("quarkus.log.category.\"io.quarkus.vertx.http.runtime.security\".level", "DEBUG");
        config.put("quarkus.log.category.\"dev.ragfn\".level", "DEBUG");
        return config;
    }
}
