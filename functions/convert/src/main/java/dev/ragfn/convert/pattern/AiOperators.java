package dev.ragfn.convert.pattern;

import dev.ragfn.convert.discovery.Inventory;
import dev.ragfn.convert.discovery.Inventory.Subscription;
import dev.ragfn.convert.rules.Detection;
import dev.ragfn.convert.rules.Fact;
import dev.ragfn.convert.rules.RuleType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ragfn.convert.pattern.ClusterGroupPlan.map;

/**
 * The operators an AI application needs on OpenShift, which its own repository rarely installs:
 * OpenShift AI (AllNamespaces OperatorGroup), NFD and the NVIDIA GPU operator when a GPU is
 * requested, Serverless and Service Mesh when KServe serves models in its serverless mode.
 */
final class AiOperators {

    private static final Set<String> AI_CATEGORIES = Set.of("ai-ml-inference", "mlops");
    private static final Set<String> KSERVE_KINDS = Set.of("InferenceService", "ServingRuntime");
    /** Charts of the AI quickstarts that deploy KServe InferenceServices. */
    private static final Set<String> KSERVE_CHARTS = Set.of("llm-service", "kserve");

    private AiOperators() {
    }

    private record Operator(String key, String packageName, String namespace, Map<String, Object> namespaceSettings,
                            Map<String, Object> subscription, String why) {
    }

    static void add(Inventory inventory, List<Detection> detections, Collection<ClusterGroupPlan> groups, List<String> decisions) {
        boolean ai = detections.stream().anyMatch(d -> d.detected() && AI_CATEGORIES.contains(d.category().id()));
        boolean gpu = inventory.facts().stream().anyMatch(AiOperators::isGpuRequest);
        boolean kserve = inventory.manifests().stream().anyMatch(m -> KSERVE_KINDS.contains(m.kind())
                || m.apiVersion() != null && m.apiVersion().startsWith("serving.kserve.io/"))
                || inventory.charts().stream().flatMap(c -> c.dependencies().stream()).anyMatch(d -> KSERVE_CHARTS.contains(d.name()));
        List<String> modes = inventory.facts().stream().filter(f -> f.type() == RuleType.ANNOTATION
                && "serving.kserve.io/deploymentMode".equals(f.key())).map(Fact::value).toList();
        boolean rawOnly = !modes.isEmpty() && modes.stream().allMatch("RawDeployment"::equals);
        if (!ai && !gpu && !kserve) {
            return;
        }
        List<Operator> operators = new java.util.ArrayList<>();
        operators.add(new Operator("rhoai", "rhods-operator", "redhat-ods-operator", map("operatorGroup", true, "targetNamespaces", List.of()),
                map("name", "rhods-operator", "namespace", "redhat-ods-operator", "channel", "stable"),
                "the source is an AI application; OpenShift AI serves and manages its models"));
        if (gpu) {
            operators.add(new Operator("nfd", "nfd", "openshift-nfd", null,
                    map("name", "nfd", "namespace", "openshift-nfd", "channel", "stable"),
                    "a workload requests nvidia.com/gpu; NFD labels the GPU nodes"));
            operators.add(new Operator("gpu-operator", "gpu-operator-certified", "nvidia-gpu-operator", null,
                    map("name", "gpu-operator-certified", "namespace", "nvidia-gpu-operator", "source", "certified-operators",
                            "channel", "stable"),
                    "a workload requests nvidia.com/gpu; the GPU operator installs drivers and the device plugin"));
        }
        if (kserve && !rawOnly) {
            operators.add(new Operator("serverless", "serverless-operator", "openshift-serverless",
                    map("operatorGroup", true, "targetNamespaces", List.of()),
                    map("name", "serverless-operator", "namespace", "openshift-serverless", "channel", "stable"),
                    "KServe serverless mode runs models as Knative services"));
            operators.add(new Operator("servicemesh", "servicemeshoperator", null, null,
                    map("name", "servicemeshoperator", "channel", "stable"),
                    "KServe serverless mode routes through Service Mesh"));
        }
        Set<String> inSource = inventory.subscriptions().stream().map(Subscription::packageName).collect(java.util.stream.Collectors.toSet());
        for (Operator op : operators) {
            if (inSource.contains(op.packageName())) {
                continue;
            }
            boolean added = false;
            for (ClusterGroupPlan group : groups) {
                boolean runsSourceApps = group.applications.values().stream().anyMatch(a -> a.containsKey("path") || a.containsKey("repoURL"));
                boolean present = group.subscriptions.values().stream().anyMatch(s -> op.packageName().equals(s.get("name")));
                if (runsSourceApps && !present) {
                    group.subscriptions.put(op.key(), op.subscription());
                    if (op.namespace() != null) {
                        group.namespace(op.namespace(), op.namespaceSettings());
                    }
                    added = true;
                }
            }
            if (added) {
                decisions.add("Added operator " + op.packageName() + " (" + OperatorCatalog.bundled().productOf(op.packageName()) + "): "
                        + op.why() + ".");
            }
        }
    }

    private static boolean isGpuRequest(Fact f) {
        return f.type() == RuleType.RESOURCE_REQUEST && f.key() != null && f.key().endsWith("/gpu");
    }
}
