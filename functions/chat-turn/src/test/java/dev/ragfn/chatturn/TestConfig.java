package dev.ragfn.chatturn;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

import java.time.Duration;
import java.util.Map;

/**
 * chat-turn's configuration read from given values and the documented defaults, as the
 * application reads it: all its mappings at once, so a key under ragfn.chat that none maps fails.
 */
final class TestConfig {

    private final SmallRyeConfig config;

    TestConfig(Map<String, String> values) {
        // Quarkus's own converter reads "60s" as the application does.
        config = new SmallRyeConfigBuilder().withMapping(ChatConfig.class).withMapping(ToolsConfig.class)
                .withMapping(McpConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new MapBackedConfigSource("test", values, 500) { }).build();
    }

    ChatConfig chat() {
        return config.getConfigMapping(ChatConfig.class);
    }

    ToolsConfig tools() {
        return config.getConfigMapping(ToolsConfig.class);
    }

    McpConfig mcp() {
        return config.getConfigMapping(McpConfig.class);
    }
}
