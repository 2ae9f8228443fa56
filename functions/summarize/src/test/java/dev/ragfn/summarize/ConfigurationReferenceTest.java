package dev.ragfn.summarize;

import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The module README's configuration table must list every key of SummarizeConfig. */
class ConfigurationReferenceTest {

    @Test
    void should_document_every_configuration_key_when_the_readme_is_read() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> keys = ConfigMappings.getProperties(
                ConfigClass.configClass(SummarizeConfig.class, "ragfn.summarize")).keySet();

        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(readme).contains("`" + key + "`"));
    }
}
