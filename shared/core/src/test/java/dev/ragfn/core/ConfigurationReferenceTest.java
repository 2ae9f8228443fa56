package dev.ragfn.core;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.runtime.auth.AuthConfig;
import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class ConfigurationReferenceTest {

    @Test
    void should_document_every_configuration_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(RagfnConfig.class, "ragfn");
    }

    @Test
    void should_document_every_auth_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(AuthConfig.class, "ragfn.auth");
    }
}
