package dev.ragfn.deploy;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JVM options of knative/base: what a cold start of each Service pays for, and what it must not carry. */
class KnativeJvmOptionsTest {

    private final List<HasMetadata> resources = Checkout.REPOSITORY.baseResources();

    @Test
    void should_start_every_service_with_serial_gc_and_c1_only_and_no_incubator_module_when_the_index_is_opensearch() {
        // given: the Services' index is OpenSearch, so no Lucene runs in them
        ConfigMap config = resources.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals("ragfn-config")).findFirst().orElseThrow();
        assertThat(config.getData()).containsEntry("RAGFN_INDEX", "opensearch");
        List<Service> services = resources.stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
        assertThat(services).isNotEmpty();

        for (Service service : services) {
            // when
            String options = service.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                    .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS")).map(EnvVar::getValue).findFirst().orElse("");

            // then: the start-up options, and no module that would make a class-data archive of the image mismatch
            assertThat(options).as("JAVA_TOOL_OPTIONS of %s", service.getMetadata().getName())
                    .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                    .doesNotContain("--add-modules");
        }
    }
}
