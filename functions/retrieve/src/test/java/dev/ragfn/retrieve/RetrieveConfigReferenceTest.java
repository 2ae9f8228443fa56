package dev.ragfn.retrieve;

import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class RetrieveConfigReferenceTest {

    @Test
    void should_document_every_retrieve_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(RetrieveConfig.class, "ragfn.retrieve");
    }
}
