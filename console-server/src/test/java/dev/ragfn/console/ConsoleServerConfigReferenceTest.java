package dev.ragfn.console;

import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class ConsoleServerConfigReferenceTest {

    @Test
    void should_document_every_console_server_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(ConsoleServerConfig.class, "ragfn.console-server");
    }
}
