package dev.ragfn.summarize;

import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class SummarizeConfigReferenceTest {

    @Test
    void should_document_every_summarize_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(SummarizeConfig.class, "ragfn.summarize");
    }
}
