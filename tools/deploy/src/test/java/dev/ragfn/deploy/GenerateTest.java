package dev.ragfn.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateTest {

    @Test
    void should_write_a_file_per_deployed_function_and_drop_stale_ones_when_generating(@TempDir Path root) throws IOException {
        // given: the wiring of this checkout, two function modules and a file left by a removed function
        Files.createDirectories(root.resolve("triggers"));
        Files.copy(Checkout.REPOSITORY.triggers(), root.resolve("triggers/triggers.yaml"));
        for (String module : new String[] {"ingest", "summarize", "bundle"}) {
            Files.createDirectories(root.resolve("functions").resolve(module));
            Files.writeString(root.resolve("functions").resolve(module).resolve("pom.xml"), "<project/>");
        }
        Files.createDirectories(root.resolve("knative/base"));
        Files.writeString(root.resolve("knative/base/removed.yaml"), "stale");
        Repository repository = new Repository(root);

        // when
        DeployCommand.generate(repository, new PrintStream(new ByteArrayOutputStream()));

        // then
        try (var files = Files.list(root.resolve("knative/base"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("kustomization.yaml", "eventing.yaml", "network-policy.yaml", "ingest.yaml",
                            "summarize.yaml");
        }
        assertThat(Repository.kustomizationResources(repository.base()))
                .containsExactly("eventing.yaml", "network-policy.yaml", "ingest.yaml", "summarize.yaml");
        assertThat(repository.baseResources()).extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
                .contains("Service/ingest", "Trigger/ingest-document-submitted", "PingSource/daily-model-serving-summary")
                .doesNotContain("Service/bundle", "Service/embed");
    }
}
