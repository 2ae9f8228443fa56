package dev.ragfn.api;

import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class ApiConfigReferenceTest {

    @Test
    void should_document_every_api_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(ApiConfig.class, "ragfn.api");
    }
}
