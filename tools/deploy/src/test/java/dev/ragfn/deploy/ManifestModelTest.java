package dev.ragfn.deploy;

import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.messaging.v1.Channel;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest under knative/ must be read by the fabric8 Knative model whole: a misspelt field would be dropped by the cluster. */
class ManifestModelTest {

    private static final Set<Class<?>> EXPECTED = Set.of(Service.class, Broker.class, Trigger.class, PingSource.class,
            Channel.class, ConfigMap.class, NetworkPolicy.class);

    @Test
    void should_deserialise_into_the_knative_model_with_no_unknown_field_when_any_manifest_is_read() throws IOException {
        // given
        List<Path> manifests = manifests();
        assertThat(manifests).isNotEmpty();

        for (Path file : manifests) {
            // when
            List<HasMetadata> resources = Repository.read(file);

            // then
            assertThat(resources).as("%s holds no resource", file).isNotEmpty();
            for (HasMetadata resource : resources) {
                String name = file + ": " + resource.getKind() + "/" + resource.getMetadata().getName();
                assertThat(resource.getClass()).as(name).isIn(EXPECTED);
                assertThat(unknownFields(resource, resource.getKind())).as("unknown fields in %s", name).isEmpty();
            }
        }
    }

    @Test
    void should_report_a_misspelt_field_when_a_manifest_has_one() throws IOException {
        // given
        Path file = Files.createTempFile("trigger", ".yaml");
        Files.writeString(file, """
                apiVersion: eventing.knative.dev/v1
                kind: Trigger
                metadata:
                  name: embed-chunks-ready
                spec:
                  broker: ragfn
                  filter:
                    atributes:
                      type: dev.ragfn.chunks.ready
                """);

        // when
        HasMetadata trigger = Repository.read(file).getFirst();

        // then
        assertThat(trigger).isInstanceOf(Trigger.class);
        assertThat(unknownFields(trigger, "Trigger")).containsExactly("Trigger.spec.filter.atributes");
    }

    @Test
    void should_name_an_image_for_every_function_when_the_openshift_overlay_is_read() throws IOException {
        // given
        String overlay = Files.readString(Checkout.REPOSITORY.root().resolve("knative/overlays/openshift/kustomization.yaml"));

        // when
        List<String> images = Checkout.REPOSITORY.baseResources().stream()
                .filter(Service.class::isInstance).map(Service.class::cast)
                .map(s -> s.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .map(image -> image.substring(0, image.lastIndexOf(':')))
                .toList();

        // then
        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(overlay).contains("- name: " + image + "\n"));
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(Checkout.REPOSITORY.root().resolve("knative"))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    // Prometheus Operator and Grafana objects, checked by MonitoringManifestsTest
                    .filter(f -> !f.startsWith(Checkout.REPOSITORY.root().resolve("knative/monitoring")))
                    .sorted().toList();
        }
    }

    /** Paths of the fields the model did not recognise: fabric8 keeps them in each object's additionalProperties. */
    static List<String> unknownFields(Object node, String path) {
        List<String> unknown = new ArrayList<>();
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknown.addAll(unknownFields(item, path + "[" + i++ + "]"));
            }
            return unknown;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknown.addAll(unknownFields(v, path + "." + k)));
            return unknown;
        }
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8")) {
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                unknown.addAll(unknownFields(value, path + "." + property(getter)));
            }
        }
        return unknown;
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Failed to read " + getter, e);
        }
    }
}
