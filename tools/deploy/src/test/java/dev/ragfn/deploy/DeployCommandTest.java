package dev.ragfn.deploy;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class DeployCommandTest {

    private static final String NAMESPACE = "ragfn";

    KubernetesClient client;

    private final List<HasMetadata> resources = Checkout.REPOSITORY.baseResources();

    @Test
    void should_create_every_resource_with_its_spec_when_applied_to_an_empty_namespace() {
        // when
        DeployCommand.apply(client, NAMESPACE, resources, quiet());

        // then
        KnativeClient knative = client.adapt(KnativeClient.class);
        Service embed = knative.services().inNamespace(NAMESPACE).withName("embed").get();
        assertThat(embed.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("autoscaling.knative.dev/min-scale", "0");
        assertThat(embed.getSpec().getTemplate().getSpec().getContainers().getFirst().getReadinessProbe().getHttpGet().getPath())
                .isEqualTo("/q/health/ready");
        Trigger trigger = knative.triggers().inNamespace(NAMESPACE).withName("embed-chunks-ready").get();
        assertThat(trigger.getSpec().getFilter().getAttributes()).containsEntry("type", "dev.ragfn.chunks.ready");
        assertThat(trigger.getSpec().getDelivery().getBackoffDelay()).isEqualTo("PT5S");
        assertThat(trigger.getSpec().getDelivery().getDeadLetterSink().getRef().getName()).isEqualTo("ragfn-dead-letters");
        PingSource ping = knative.pingSources().inNamespace(NAMESPACE).withName("daily-model-serving-summary").get();
        assertThat(ping.getSpec().getSchedule()).isEqualTo("0 6 * * *");
        assertThat(knative.brokers().inNamespace(NAMESPACE).withName("ragfn").get()).isNotNull();
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName("ragfn-config").get().getData())
                .containsEntry("RAGFN_INDEX", "opensearch");
        assertThat(client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName(KnativeManifests.NETWORK_POLICY).get()
                .getSpec().getPodSelector().getMatchExpressions().getFirst().getValues()).contains("embed");
    }

    @Test
    void should_leave_the_same_resources_when_applied_twice() {
        // given
        DeployCommand.apply(client, NAMESPACE, resources, quiet());
        List<Object> first = specs();

        // when
        DeployCommand.apply(client, NAMESPACE, resources, quiet());

        // then
        KnativeClient knative = client.adapt(KnativeClient.class);
        assertThat(knative.services().inNamespace(NAMESPACE).list().getItems()).hasSize(count(Service.class));
        assertThat(knative.triggers().inNamespace(NAMESPACE).list().getItems()).hasSize(count(Trigger.class));
        assertThat(knative.pingSources().inNamespace(NAMESPACE).list().getItems()).hasSize(count(PingSource.class));
        assertThat(specs()).isEqualTo(first);
    }

    @Test
    void should_replace_a_changed_resource_when_applied_again() {
        // given
        DeployCommand.apply(client, NAMESPACE, resources, quiet());
        KnativeClient knative = client.adapt(KnativeClient.class);
        knative.triggers().inNamespace(NAMESPACE).withName("embed-chunks-ready")
                .edit(t -> { t.getSpec().getDelivery().setRetry(0); return t; });

        // when
        DeployCommand.apply(client, NAMESPACE, resources, quiet());

        // then
        assertThat(knative.triggers().inNamespace(NAMESPACE).withName("embed-chunks-ready").get().getSpec().getDelivery().getRetry())
                .isEqualTo(5);
    }

    private List<Object> specs() {
        KnativeClient knative = client.adapt(KnativeClient.class);
        return List.of(
                knative.services().inNamespace(NAMESPACE).list().getItems().stream().map(Service::getSpec).toList(),
                knative.triggers().inNamespace(NAMESPACE).list().getItems().stream().map(Trigger::getSpec).toList(),
                knative.pingSources().inNamespace(NAMESPACE).list().getItems().stream().map(PingSource::getSpec).toList());
    }

    private int count(Class<?> kind) {
        return (int) resources.stream().filter(kind::isInstance).count();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
