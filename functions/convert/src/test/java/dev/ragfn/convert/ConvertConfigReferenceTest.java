package dev.ragfn.convert;

import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class ConvertConfigReferenceTest {

    @Test
    void should_document_every_convert_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(ConvertConfig.class, "ragfn.convert");
    }
}
