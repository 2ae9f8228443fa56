package dev.ragfn.api;

import dev.ragfn.testing.TestIssuer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** This API with ragfn.auth.mode=oidc, trusting the test JVM's {@link TestIssuer}. */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return TestIssuer.shared().config();
    }
}
