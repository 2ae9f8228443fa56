package dev.ragfn.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KnativeBaseTest {

    @Test
    void should_match_the_generated_manifests_when_knative_base_is_read() throws IOException {
        // given
        Map<String, String> generated = Checkout.REPOSITORY.generated().files();

        // when
        Map<String, String> written = new TreeMap<>();
        try (Stream<Path> files = Files.list(Checkout.REPOSITORY.base())) {
            for (Path file : files.toList()) {
                written.put(file.getFileName().toString(), Files.readString(file));
            }
        }

        // then
        assertThat(written)
                .as("knative/base is generated from triggers/triggers.yaml and the function modules; regenerate it with: %s",
                        KnativeManifests.REGENERATE)
                .isEqualTo(generated);
    }
}
