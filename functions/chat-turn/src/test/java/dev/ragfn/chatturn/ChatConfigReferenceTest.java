package dev.ragfn.chatturn;

import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class ChatConfigReferenceTest {

    @Test
    void should_document_every_chat_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(ChatConfig.class, "ragfn.chat");
    }
}
