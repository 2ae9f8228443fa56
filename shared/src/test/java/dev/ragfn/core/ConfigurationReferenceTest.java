package dev.ragfn.core;

import dev.ragfn.core.config.RagfnConfig;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** README's configuration table is the one place users look; it must list every key there is. */
class ConfigurationReferenceTest {

    @Test
    void should_document_every_configuration_key_when_readme_is_read() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("repo.root", ".."), "README.md"));
        Set<String> keys = ConfigMappings.getProperties(ConfigClass.configClass(RagfnConfig.class, "ragfn")).keySet();

        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(readme).contains("`" + key + "`"));
    }
}
