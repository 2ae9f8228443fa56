package dev.ragfn.testing;

import dev.ragfn.core.config.RagfnConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

import java.util.Map;

/** RagfnConfig with its documented defaults plus the given overrides, as an application would see it. */
public final class TestConfig {

    private TestConfig() {
    }

    public static RagfnConfig of(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(RagfnConfig.class)
                .withSources(new MapBackedConfigSource("test", overrides, 500) { })
                .build();
        return config.getConfigMapping(RagfnConfig.class);
    }
}
