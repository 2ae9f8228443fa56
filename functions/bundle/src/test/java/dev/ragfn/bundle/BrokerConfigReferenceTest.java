package dev.ragfn.bundle;

import dev.ragfn.bundle.broker.BrokerConfig;
import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class BrokerConfigReferenceTest {

    @Test
    void should_document_every_broker_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(BrokerConfig.class, "ragfn.broker");
    }
}
