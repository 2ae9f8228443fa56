package dev.ragfn.ingest;

import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class IngestConfigReferenceTest {

    @Test
    void should_document_every_ingest_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(IngestConfig.class, "ragfn.ingest");
    }
}
