package dev.ragfn.deploy;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.messaging.v1.Channel;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code generate} rewrites knative/base from triggers/triggers.yaml; {@code print} shows its resources;
 * {@code apply} creates or replaces them in the namespace of the current kubeconfig context (or {@code --namespace}).
 * For the OpenShift overlay use {@code oc apply -k knative/overlays/openshift}.
 */
public final class DeployCommand {

    private static final String USAGE = "usage: DeployCommand generate|print|apply [--root DIR] [--namespace NS]";

    public static void main(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> options = options(args);
        Repository repository = new Repository(Path.of(options.getOrDefault("--root", System.getProperty("repo.root", "."))));
        switch (args[0]) {
            case "generate" -> generate(repository, System.out);
            case "print" -> System.out.print(Repository.yaml(repository.baseResources()));
            case "apply" -> {
                try (KubernetesClient client = new KubernetesClientBuilder().build()) {
                    String namespace = options.getOrDefault("--namespace", client.getNamespace());
                    if (namespace == null) {
                        throw new IllegalArgumentException("The current kubeconfig context names no namespace: pass --namespace NS");
                    }
                    apply(client, namespace, repository.baseResources(), System.out);
                }
            }
            default -> throw new IllegalArgumentException("Unknown command '" + args[0] + "'. " + USAGE);
        }
    }

    /** Writes the generated files into knative/base and removes the YAML files it no longer generates. */
    static void generate(Repository repository, PrintStream out) {
        Map<String, String> files = repository.generated().files();
        Path base = repository.base();
        try {
            Files.createDirectories(base);
            try (Stream<Path> existing = Files.list(base)) {
                for (Path stale : existing.filter(f -> !files.containsKey(f.getFileName().toString())).toList()) {
                    Files.delete(stale);
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(base.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + base, e);
        }
        out.println("Wrote " + files.size() + " files to " + base);
    }

    /** Creates each resource, or replaces it when it exists; applying the same resources twice changes nothing. */
    public static void apply(KubernetesClient client, String namespace, List<HasMetadata> resources, PrintStream out) {
        KnativeClient knative = client.adapt(KnativeClient.class);
        for (HasMetadata resource : resources) {
            Resource<? extends HasMetadata> target = switch (resource) {
                case ConfigMap c -> client.configMaps().inNamespace(namespace).resource(c);
                case NetworkPolicy p -> client.network().v1().networkPolicies().inNamespace(namespace).resource(p);
                case Broker b -> knative.brokers().inNamespace(namespace).resource(b);
                case Channel c -> knative.channels().inNamespace(namespace).resource(c);
                case Service s -> knative.services().inNamespace(namespace).resource(s);
                case Trigger t -> knative.triggers().inNamespace(namespace).resource(t);
                case PingSource p -> knative.pingSources().inNamespace(namespace).resource(p);
                default -> throw new IllegalArgumentException("Cannot deploy a " + resource.getKind()
                        + " (" + resource.getMetadata().getName() + "): only ConfigMap, NetworkPolicy and Knative resources are expected");
            };
            target.createOr(NonDeletingOperation::update);
            out.printf("%s/%s applied in %s%n", resource.getKind(), resource.getMetadata().getName(), namespace);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("Unexpected argument '" + args[i] + "'. " + USAGE);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
