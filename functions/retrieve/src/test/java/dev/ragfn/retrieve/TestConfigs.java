package dev.ragfn.retrieve;

import io.smallrye.config.SmallRyeConfigBuilder;

/** {@link RetrieveConfig} outside Quarkus: the declared defaults, with the given overrides. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static RetrieveConfig retrieveConfig(String... keyValues) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(RetrieveConfig.class);
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.withDefaultValue(keyValues[i], keyValues[i + 1]);
        }
        return builder.build().getConfigMapping(RetrieveConfig.class);
    }
}
