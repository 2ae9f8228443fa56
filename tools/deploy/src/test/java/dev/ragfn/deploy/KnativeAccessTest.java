package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Who can reach each Knative Service as written in knative/: event-only functions (those triggers/triggers.yaml
 * gives events or schedules) only from inside the cluster and only from the platform's namespaces; every function
 * with identity checks on. Read from the files, independent of the generator.
 */
class KnativeAccessTest {

    private static final String VISIBILITY = "networking.knative.dev/visibility";
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";
    /** Where a CloudEvent for a function comes from on OpenShift Serverless: broker filter, Kourier gateway, activator. */
    private static final Set<String> PLATFORM_NAMESPACES = Set.of("knative-eventing", "knative-serving", "knative-serving-ingress");

    private static Set<String> eventOnly;
    private static List<HasMetadata> resources;

    @BeforeAll
    static void read() {
        eventOnly = new TreeSet<>();
        Yaml.documents(Checkout.REPOSITORY.triggers()).getFirst().path("functions").properties().forEach(f -> {
            if (!f.getValue().path("consumes").isEmpty() || !f.getValue().path("schedules").isEmpty()) {
                eventOnly.add(f.getKey());
            }
        });
        resources = Checkout.REPOSITORY.baseResources();
    }

    @Test
    void should_make_exactly_the_event_only_services_cluster_local_when_knative_base_is_read() {
        // given
        List<Service> services = of(Service.class);
        assertThat(eventOnly).as("event-only functions of triggers.yaml").contains("ingest", "embed", "convert", "summarize");

        for (Service service : services) {
            // when
            String visibility = labels(service).get(VISIBILITY);

            // then
            if (eventOnly.contains(service.getMetadata().getName())) {
                assertThat(visibility).as("visibility of event-only %s", service.getMetadata().getName()).isEqualTo("cluster-local");
            } else {
                assertThat(visibility).as("visibility of user-facing %s", service.getMetadata().getName()).isNull();
            }
        }
    }

    @Test
    void should_admit_only_the_platform_namespaces_to_the_event_only_services_when_the_network_policy_is_read() {
        // given
        List<NetworkPolicy> policies = of(NetworkPolicy.class);
        Set<String> deployedEventOnly = new TreeSet<>(names(of(Service.class)));
        deployedEventOnly.retainAll(eventOnly);
        assertThat(policies).as("NetworkPolicies in knative/base").hasSize(1);
        NetworkPolicy policy = policies.getFirst();

        // when
        Set<String> selected = selectedServices(policy.getSpec().getPodSelector());
        List<NetworkPolicyPeer> peers = policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream()).toList();

        // then
        assertThat(selected).as("services the NetworkPolicy selects").isEqualTo(deployedEventOnly);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getPorts()).isNullOrEmpty());
        assertThat(peers).allSatisfy(peer -> assertThat(peer.getIpBlock()).as("no IP range is admitted").isNull());
        assertThat(peers).filteredOn(peer -> peer.getNamespaceSelector() == null)
                .as("peers of the policy's own namespace").singleElement()
                .satisfies(peer -> assertThat(peer.getPodSelector()).isEqualTo(new LabelSelector()));
        Set<String> namespaces = new TreeSet<>();
        peers.stream().map(NetworkPolicyPeer::getNamespaceSelector).filter(Objects::nonNull).forEach(selector -> {
            assertThat(selector.getMatchLabels()).as("namespace selector by name only").isNullOrEmpty();
            assertThat(selector.getMatchExpressions()).singleElement().satisfies(e -> {
                assertThat(e.getKey()).isEqualTo(NAMESPACE_NAME);
                assertThat(e.getOperator()).isEqualTo("In");
                namespaces.addAll(e.getValues());
            });
        });
        assertThat(namespaces).isEqualTo(PLATFORM_NAMESPACES);
    }

    @Test
    void should_run_every_service_with_oidc_and_keep_it_on_the_user_facing_ones_when_the_config_is_read() {
        // given
        ConfigMap config = of(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("ragfn-config"))
                .findFirst().orElseThrow();
        assertThat(config.getData()).containsEntry("RAGFN_AUTH_MODE", "oidc").containsKeys("RAGFN_AUTH_ISSUER")
                .containsEntry("RAGFN_AUTH_AUDIENCE", "ragfn-api");

        for (Service service : of(Service.class)) {
            // when
            Container container = service.getSpec().getTemplate().getSpec().getContainers().getFirst();
            String own = container.getEnv().stream().filter(e -> e.getName().equals("RAGFN_AUTH_MODE"))
                    .map(EnvVar::getValue).findFirst().orElse(null);
            List<String> configMaps = container.getEnvFrom().stream().filter(s -> s.getConfigMapRef() != null)
                    .map(s -> s.getConfigMapRef().getName()).toList();

            // then
            String name = service.getMetadata().getName();
            assertThat(configMaps).as("ConfigMaps of %s", name).containsExactly(config.getMetadata().getName());
            assertThat(own == null ? config.getData().get("RAGFN_AUTH_MODE") : own).as("auth mode of %s", name).isEqualTo("oidc");
            if (!eventOnly.contains(name)) {
                assertThat(own).as("%s is routed to users: its own env holds the mode, whatever the ConfigMap says", name)
                        .isEqualTo("oidc");
            }
        }
    }

    @Test
    void should_build_the_openshift_overlay_with_the_policy_and_cluster_local_services_when_kubectl_is_installed() throws Exception {
        // given
        assumeThat(kubectlInstalled()).as("kubectl is not on PATH: `kubectl kustomize knative/overlays/openshift` not tried").isTrue();

        // when
        String built = run("kubectl", "kustomize", Checkout.REPOSITORY.root().resolve("knative/overlays/openshift").toString());

        // then
        List<JsonNode> documents = Yaml.documents(built, "kubectl kustomize knative/overlays/openshift");
        assertThat(documents).anySatisfy(d -> {
            assertThat(d.path("kind").asText()).isEqualTo("NetworkPolicy");
            assertThat(d.path("metadata").path("namespace").asText()).isEqualTo("ragfn");
        });
        Set<String> clusterLocal = new TreeSet<>();
        documents.stream().filter(d -> d.path("kind").asText().equals("Service") && d.path("apiVersion").asText().startsWith("serving."))
                .filter(d -> d.path("metadata").path("labels").path(VISIBILITY).asText().equals("cluster-local"))
                .forEach(d -> clusterLocal.add(d.path("metadata").path("name").asText()));
        Set<String> deployedEventOnly = new TreeSet<>(names(of(Service.class)));
        deployedEventOnly.retainAll(eventOnly);
        assertThat(clusterLocal).isEqualTo(deployedEventOnly);
    }

    /** The Knative Services whose pods a selector picks, by the label Knative gives every pod of a Service. */
    private static Set<String> selectedServices(LabelSelector selector) {
        assertThat(selector.getMatchLabels()).as("pod selector by service name only").isNullOrEmpty();
        assertThat(selector.getMatchExpressions()).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo("serving.knative.dev/service");
            assertThat(e.getOperator()).isEqualTo("In");
        });
        LabelSelectorRequirement requirement = selector.getMatchExpressions().getFirst();
        return new TreeSet<>(requirement.getValues());
    }

    private static boolean kubectlInstalled() {
        try {
            run("kubectl", "version", "--client");
            return true;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(List.of(command) + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(process.exitValue()).as("%s exit code", List.of(command)).isZero();
        return out;
    }

    private static Map<String, String> labels(HasMetadata resource) {
        return resource.getMetadata().getLabels() == null ? Map.of() : resource.getMetadata().getLabels();
    }

    private static List<String> names(List<? extends HasMetadata> resources) {
        return new ArrayList<>(resources.stream().map(r -> r.getMetadata().getName()).toList());
    }

    private static <T> List<T> of(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
