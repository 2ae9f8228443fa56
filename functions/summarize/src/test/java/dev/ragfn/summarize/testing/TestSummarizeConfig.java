package dev.ragfn.summarize.testing;

import dev.ragfn.summarize.SummarizeConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

import java.util.Map;

/** SummarizeConfig with its documented defaults plus the given overrides, as the function would see it. */
public final class TestSummarizeConfig {

    private TestSummarizeConfig() {
    }

    public static SummarizeConfig of(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SummarizeConfig.class)
                .withSources(new MapBackedConfigSource("test", overrides, 500) { })
                .build();
        return config.getConfigMapping(SummarizeConfig.class);
    }
}
