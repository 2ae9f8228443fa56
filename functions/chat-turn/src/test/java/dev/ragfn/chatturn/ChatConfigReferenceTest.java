package dev.ragfn.chatturn;

import dev.ragfn.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

class ChatConfigReferenceTest {

    @Test
    void should_document_every_chat_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(ChatConfig.class, "ragfn.chat");
    }

    @Test
    void should_document_every_tools_and_mcp_key_when_readme_is_read() {
        ConfigurationReference.assertDocumented(ToolsConfig.class, "ragfn.chat.tools");
        ConfigurationReference.assertDocumented(McpConfig.class, "ragfn.chat.mcp");
    }
}
