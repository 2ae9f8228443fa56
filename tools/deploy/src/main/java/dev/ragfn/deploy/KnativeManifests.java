package dev.ragfn.deploy;

import io.fabric8.knative.duck.v1.DeliverySpec;
import io.fabric8.knative.duck.v1.DeliverySpecBuilder;
import io.fabric8.knative.duck.v1.Destination;
import io.fabric8.knative.duck.v1.DestinationBuilder;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.BrokerBuilder;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.eventing.v1.TriggerBuilder;
import io.fabric8.knative.messaging.v1.Channel;
import io.fabric8.knative.messaging.v1.ChannelBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.knative.sources.v1.PingSourceBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Knative resources of ragfn, derived from the wiring: a Service per function module, the Broker,
 * a Trigger per subscription, a PingSource and its Trigger per schedule, the dead-letter Channels
 * the delivery policies name, and the NetworkPolicy that admits only the platform to the event-only
 * functions. knative/base is this class's output; a test fails when the two differ.
 */
public final class KnativeManifests {

    /** The command that rewrites knative/base; named in the drift test's failure message. */
    public static final String REGENERATE = "./mvnw -q -pl tools/deploy compile exec:java -Dexec.args=generate";

    private static final String CONFIG_MAP = "ragfn-config";
    /** Knative keeps a Service with this label off the external ingress: only cluster-internal callers reach it. */
    static final String VISIBILITY = "networking.knative.dev/visibility";
    /** Knative sets this label on every pod of a Service's revisions. */
    static final String SERVICE_LABEL = "serving.knative.dev/service";
    static final String NETWORK_POLICY = "ragfn-event-only-ingress";
    /**
     * Who may call an event-only function. On OpenShift Serverless a CloudEvent reaches it from the Broker's filter
     * in knative-eventing (also where the PingSource adapter runs), through the Kourier gateway in
     * knative-serving-ingress, and through the activator in knative-serving while it is scaled to zero (the
     * autoscaler there also scrapes its queue-proxy). Red Hat's "restrictive network policies" guide admits these
     * namespaces by a label it asks the admin to add; kubernetes.io/metadata.name is set by Kubernetes itself.
     */
    static final List<String> SYSTEM_NAMESPACES = List.of("knative-eventing", "knative-serving", "knative-serving-ingress");
    /** A placeholder: the overlay (or infra/gitops/ragfn/endpoints.yaml) sets the issuer of the cluster's identity provider. */
    static final String ISSUER_PLACEHOLDER = "https://keycloak.example.com/realms/ragfn";
    private static final String SECRET = "ragfn-secrets";
    /**
     * Scale to zero makes start-up the latency users feel: serial GC and C1 alone answer the first
     * request about 0.3 s sooner on small pods (benchmarks/startup.sh), and the heavy work is
     * native (ONNX) or remote (OpenSearch). No Vector API module: the index here is OpenSearch, and
     * with C2 off Lucene would not use it anyway; without it a class-data archive dumped by Quarkus
     * (which adds no module) matches these options.
     */
    static final String JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final String IMAGE = "ghcr.io/ragfn/ragfn-%s:latest";
    private static final String TYPE_PREFIX = "dev.ragfn.";
    private static final String HEADER = "# Generated from triggers/triggers.yaml by dev.ragfn.deploy.KnativeManifests: do not edit.\n"
            + "# Regenerate with: " + REGENERATE + "\n";

    private final Wiring wiring;
    private final List<String> deployed;

    /**
     * @param deployed the functions that have a module, and so an image: each gets a Service, and the Triggers and
     *                 PingSources the wiring declares for it. Functions of the wiring without a module are skipped.
     */
    public KnativeManifests(Wiring wiring, List<String> deployed) {
        this.wiring = wiring;
        this.deployed = deployed;
    }

    /** The files of knative/base by name: the kustomization, the shared eventing resources, then one file per function. */
    public SortedMap<String, String> files() {
        Map<String, List<HasMetadata>> resources = resourcesByFile();
        SortedMap<String, String> files = new TreeMap<>();
        resources.forEach((file, content) -> files.put(file, HEADER + Repository.yaml(content)));
        files.put("kustomization.yaml", HEADER
                + "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                + "kind: Kustomization\n"
                + "resources:\n"
                + String.join("", resources.keySet().stream().map(f -> "  - " + f + "\n").toList()));
        return files;
    }

    private Map<String, List<HasMetadata>> resourcesByFile() {
        Map<String, List<HasMetadata>> files = new LinkedHashMap<>();
        List<HasMetadata> eventing = new ArrayList<>();
        eventing.add(configMap());
        eventing.add(broker());
        // Schedules are delivered by Triggers too, so a function with only schedules needs its dead letters.
        functions().filter(f -> !(f.consumes().isEmpty() && f.schedules().isEmpty()) && f.delivery() != null)
                .map(f -> f.delivery().deadLetterSink()).filter(Objects::nonNull).distinct()
                .forEach(sink -> eventing.add(deadLetters(sink)));
        files.put("eventing.yaml", eventing);
        List<String> eventOnly = functions().filter(Wiring.Function::eventOnly).map(Wiring.Function::name).toList();
        if (!eventOnly.isEmpty()) {
            files.put("network-policy.yaml", List.of(eventOnlyIngress(eventOnly)));
        }
        functions().forEach(f -> {
            List<HasMetadata> resources = new ArrayList<>();
            resources.add(service(f));
            f.consumes().forEach(s -> resources.add(trigger(f, s)));
            f.schedules().forEach(s -> {
                resources.add(pingSource(f, s));
                resources.add(trigger(f, s));
            });
            files.put(f.name() + ".yaml", resources);
        });
        return files;
    }

    private Stream<Wiring.Function> functions() {
        return deployed.stream().map(wiring::function);
    }

    private ConfigMap configMap() {
        // Knative pods are disposable: state lives in the servers, never in the embedded defaults.
        Map<String, String> data = new LinkedHashMap<>();
        data.put("RAGFN_STORE", "dynamodb");
        data.put("RAGFN_INDEX", "opensearch");
        data.put("RAGFN_OPENSEARCH_URL", "http://opensearch:9200");
        data.put("RAGFN_DYNAMODB_REGION", "us-east-1");
        // A deployed function listens beyond loopback, where ragfn refuses to run without identity.
        data.put("RAGFN_AUTH_MODE", "oidc");
        data.put("RAGFN_AUTH_ISSUER", ISSUER_PLACEHOLDER);
        data.put("RAGFN_AUTH_AUDIENCE", "ragfn-api");
        return new ConfigMapBuilder().withNewMetadata().withName(CONFIG_MAP).withLabels(labels(null)).endMetadata()
                .withData(data).build();
    }

    private Broker broker() {
        return new BrokerBuilder().withNewMetadata().withName(wiring.broker()).withLabels(labels(null)).endMetadata()
                .build();
    }

    private Channel deadLetters(String name) {
        return new ChannelBuilder().withNewMetadata().withName(name).withLabels(labels(null)).endMetadata().build();
    }

    /**
     * Event ingress ({@code POST /} with a CloudEvent) is not behind OIDC: only the platform may reach it. Pods of
     * the same namespace are admitted too (the platform's own callers); pods no policy selects stay open.
     */
    private static NetworkPolicy eventOnlyIngress(List<String> functions) {
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(NETWORK_POLICY).withLabels(labels(null)).endMetadata()
                .withNewSpec()
                .withNewPodSelector().addNewMatchExpression()
                .withKey(SERVICE_LABEL).withOperator("In").withValues(functions)
                .endMatchExpression().endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewFrom().withNewPodSelector().endPodSelector().endFrom()
                .addNewFrom().withNewNamespaceSelector().addNewMatchExpression()
                .withKey("kubernetes.io/metadata.name").withOperator("In").withValues(SYSTEM_NAMESPACES)
                .endMatchExpression().endNamespaceSelector().endFrom()
                .endIngress()
                .endSpec()
                .build();
    }

    private Service service(Wiring.Function f) {
        Map<String, String> labels = labels(f.name());
        if (f.eventOnly()) {
            labels.put(VISIBILITY, "cluster-local");
        }
        List<EnvVar> env = new ArrayList<>(List.of(
                // Several functions bind 127.0.0.1 for local runs; in a pod the queue proxy must reach them.
                new EnvVar("QUARKUS_HTTP_HOST", "0.0.0.0", null),
                new EnvVar("JAVA_TOOL_OPTIONS", JVM_OPTIONS, null)));
        if (!f.eventOnly()) {
            // Routed to users: set on the Service itself, so that no change to the ConfigMap can open it.
            env.add(new EnvVar("RAGFN_AUTH_MODE", "oidc", null));
        }
        return new ServiceBuilder()
                .withNewMetadata().withName(f.name()).withLabels(labels).endMetadata()
                .withNewSpec().withNewTemplate()
                .withNewMetadata()
                .addToAnnotations("autoscaling.knative.dev/min-scale", "0")
                .addToAnnotations("autoscaling.knative.dev/target", "10")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("function")
                .withImage(IMAGE.formatted(f.name()))
                .addNewPort().withContainerPort(8080).endPort()
                .withEnv(env)
                .addNewEnvFrom().withNewConfigMapRef().withName(CONFIG_MAP).endConfigMapRef().endEnvFrom()
                .addNewEnvFrom().withNewSecretRef().withName(SECRET).withOptional(true).endSecretRef().endEnvFrom()
                .withNewResources()
                .addToRequests("cpu", new Quantity("250m"))
                .addToRequests("memory", new Quantity("384Mi"))
                .addToLimits("memory", new Quantity("768Mi"))
                .endResources()
                .withReadinessProbe(probe("/q/health/ready"))
                .withLivenessProbe(probe("/q/health/live"))
                .endContainer()
                .endSpec()
                .endTemplate().endSpec()
                .build();
    }

    private Trigger trigger(Wiring.Function f, Wiring.Subscription s) {
        return trigger(f, f.name() + "-" + shortName(s.type()), s.attributes());
    }

    /** A schedule's events go through the Broker, so they get the function's retries and dead letters. */
    private Trigger trigger(Wiring.Function f, Wiring.Schedule s) {
        return trigger(f, f.name() + "-" + s.name(), s.attributes());
    }

    private Trigger trigger(Wiring.Function f, String name, Map<String, String> attributes) {
        return new TriggerBuilder()
                .withNewMetadata().withName(name).withLabels(labels(f.name())).endMetadata()
                .withNewSpec()
                .withBroker(wiring.broker())
                .withNewFilter().withAttributes(attributes).endFilter()
                .withSubscriber(serviceSink(f.name()))
                .withDelivery(f.delivery() == null ? null : delivery(f.delivery()))
                .endSpec()
                .build();
    }

    /**
     * A PingSource's events all have Knative's type whatever the schedule, and their source holds the
     * namespace, which only the overlay knows: the extension names the schedule for its Trigger.
     */
    private PingSource pingSource(Wiring.Function f, Wiring.Schedule s) {
        return new PingSourceBuilder()
                .withNewMetadata().withName(s.name()).withLabels(labels(f.name())).endMetadata()
                .withNewSpec()
                .withSchedule(s.cron())
                .withTimezone(s.timezone())
                .withContentType("application/json")
                .withData(s.data().toString())
                .withNewCeOverrides().addToExtensions(Wiring.Schedule.EXTENSION, s.name()).endCeOverrides()
                .withSink(brokerSink())
                .endSpec()
                .build();
    }

    private static DeliverySpec delivery(Wiring.Delivery d) {
        DeliverySpecBuilder delivery = new DeliverySpecBuilder()
                .withRetry(d.retry())
                .withBackoffPolicy(d.backoffPolicy())
                .withBackoffDelay(d.backoffDelay());
        if (d.deadLetterSink() != null) {
            delivery.withNewDeadLetterSink().withNewRef()
                    .withApiVersion("messaging.knative.dev/v1").withKind("Channel").withName(d.deadLetterSink())
                    .endRef().endDeadLetterSink();
        }
        return delivery.build();
    }

    private static Destination serviceSink(String function) {
        return new DestinationBuilder().withNewRef()
                .withApiVersion("serving.knative.dev/v1").withKind("Service").withName(function)
                .endRef().build();
    }

    private Destination brokerSink() {
        return new DestinationBuilder().withNewRef()
                .withApiVersion("eventing.knative.dev/v1").withKind("Broker").withName(wiring.broker())
                .endRef().build();
    }

    private static Probe probe(String path) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).endHttpGet().build();
    }

    private static Map<String, String> labels(String function) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/part-of", "ragfn");
        if (function != null) {
            labels.put("app.kubernetes.io/name", function);
        }
        return labels;
    }

    /** {@code dev.ragfn.document.submitted} becomes {@code document-submitted}: a DNS label part. */
    static String shortName(String type) {
        String local = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
        return local.replace('.', '-').toLowerCase(Locale.ROOT);
    }
}
