package dev.ragfn.testing;

import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** README's configuration table is the one place users look: every module checks its keys are there. */
public final class ConfigurationReference {

    private ConfigurationReference() {
    }

    public static void assertDocumented(Class<?> mapping, String prefix) {
        String readme;
        try {
            readme = Files.readString(InfraServer.repoRoot().resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = ConfigMappings.getProperties(ConfigClass.configClass(mapping, prefix)).keySet();
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(readme)
                .as("README.md's configuration table must list `%s`", key).contains("`" + key + "`"));
    }
}
