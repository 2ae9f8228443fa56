package dev.ragfn.shield;

import dev.ragfn.shield.runtime.ShieldConfig;
import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class ShieldConfigReferenceTest {

    @Test
    void should_document_every_shield_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(ShieldConfig.class, "ragfn.shield");
    }
}
