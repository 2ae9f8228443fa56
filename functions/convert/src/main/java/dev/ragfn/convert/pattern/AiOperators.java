package dev.ragfn.convert.pattern;

import dev.ragfn.convert.discovery.Inventory;
import dev.ragfn.convert.discovery.Inventory.Subscription;
import dev.ragfn.convert.rules.Detection;
import dev.ragfn.convert.rules.Fact;
import dev.ragfn.convert.rules.RuleType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.ragfn.convert.pattern.ClusterGroupPlan.map;

/**
 * The operators an AI application needs on OpenShift, which its own repository rarely installs:
 * OpenShift AI (AllNamespaces OperatorGroup), NFD and the NVIDIA GPU operator when a GPU is
 * requested, Serverless and Service Mesh when KServe serves models in its serverless mode; and the
 * {@code ai-platform} chart with the instances that make them work (DataScienceCluster,
 * NodeFeatureDiscovery, ClusterPolicy).
 */
final class AiOperators {

    private static final Set<String> AI_CATEGORIES = Set.of("ai-ml-inference", "mlops");
    private static final Set<String> KSERVE_KINDS = Set.of("InferenceService", "ServingRuntime");
    /** Charts of the AI quickstarts that deploy KServe InferenceServices. */
    private static final Set<String> KSERVE_CHARTS = Set.of("llm-service", "kserve");
    /** OpenShift AI and Open Data Hub exclude each other: a source that installs either keeps its own. */
    private static final Set<String> AI_PLATFORMS = Set.of("rhods-operator", "opendatahub-operator", "rhoai-operator");

    private AiOperators() {
    }

    private record Operator(String key, String packageName, String namespace, Map<String, Object> namespaceSettings,
                            Map<String, Object> subscription, String why) {
    }

    static final String CHART = "ai-platform";

    static void add(Inventory inventory, List<Detection> detections, Collection<ClusterGroupPlan> groups, List<String> decisions,
                    Map<String, byte[]> files) {
        boolean ai = detections.stream().anyMatch(d -> d.detected() && AI_CATEGORIES.contains(d.category().id()));
        boolean gpu = inventory.facts().stream().anyMatch(AiOperators::isGpuRequest);
        boolean kserve = inventory.manifests().stream().anyMatch(m -> KSERVE_KINDS.contains(m.kind())
                || m.apiVersion() != null && m.apiVersion().startsWith("serving.kserve.io/"))
                || inventory.charts().stream().flatMap(c -> c.dependencies().stream()).anyMatch(d -> KSERVE_CHARTS.contains(d.name()));
        List<String> modes = inventory.facts().stream().filter(f -> f.type() == RuleType.ANNOTATION
                && "serving.kserve.io/deploymentMode".equals(f.key())).map(Fact::value).toList();
        boolean serverless = kserve && !(!modes.isEmpty() && modes.stream().allMatch("RawDeployment"::equals));
        if (!ai && !gpu && !kserve) {
            return;
        }
        List<Operator> operators = new ArrayList<>();
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
        if (serverless) {
            operators.add(new Operator("serverless", "serverless-operator", "openshift-serverless",
                    map("operatorGroup", true, "targetNamespaces", List.of()),
                    map("name", "serverless-operator", "namespace", "openshift-serverless", "channel", "stable"),
                    "KServe serverless mode runs models as Knative services"));
            operators.add(new Operator("servicemesh", "servicemeshoperator", null, null,
                    map("name", "servicemeshoperator", "channel", "stable"),
                    "KServe serverless mode routes through Service Mesh"));
        }
        Set<String> inSource = inventory.subscriptions().stream().map(Subscription::packageName).collect(Collectors.toSet());
        boolean ownAiPlatform = inSource.stream().anyMatch(AI_PLATFORMS::contains);
        for (Operator op : operators) {
            if (inSource.contains(op.packageName()) || op.packageName().equals("rhods-operator") && ownAiPlatform) {
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
        if (ownAiPlatform || inventory.manifests().stream().anyMatch(m -> "DataScienceCluster".equals(m.kind()))) {
            return;
        }
        String target = "charts/all/" + CHART;
        if (files.keySet().stream().anyMatch(f -> f.startsWith(target + "/"))) {
            decisions.add("The source has its own " + target + "; the AI platform instances were not added.");
            return;
        }
        files.put(target + "/Chart.yaml", PatternBuilder.utf8(CHART_YAML));
        files.put(target + "/templates/datasciencecluster.yaml", PatternBuilder.utf8(dataScienceCluster(kserve, serverless)));
        if (gpu) {
            files.put(target + "/templates/nodefeaturediscovery.yaml", PatternBuilder.utf8(NODE_FEATURE_DISCOVERY));
            files.put(target + "/templates/clusterpolicy.yaml", PatternBuilder.utf8(CLUSTER_POLICY));
        }
        for (ClusterGroupPlan group : groups) {
            if (group.subscriptions.containsKey("rhoai")) {
                group.application(CHART, map("name", CHART, "namespace", "redhat-ods-operator", "argoProject", group.name, "path", target));
            }
        }
        decisions.add("Added the " + CHART + " chart: a DataScienceCluster" + (kserve ? " with KServe" + (serverless ? ""
                : " in RawDeployment mode") : "") + (gpu ? ", a NodeFeatureDiscovery and a GPU ClusterPolicy" : "") + ", synced after the operators' CRDs exist.");
    }

    /** Argo CD skips the dry run of objects whose CRD the operator has not installed yet, and retries until it has. */
    private static final String SYNC = """
              annotations:
                argocd.argoproj.io/sync-wave: "10"
                argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true
            """;

    private static final String CHART_YAML = """
            # Generated by ragfn convert: the instances that make the AI operators work.
            apiVersion: v2
            name: ai-platform
            description: OpenShift AI, NFD and GPU operator instances
            type: application
            version: 0.1.0
            """;

    private static String dataScienceCluster(boolean kserve, boolean serverless) {
        String kserveSpec = !kserve ? "      managementState: Removed\n" : serverless ? "      managementState: Managed\n"
                + "      serving:\n        managementState: Managed\n        name: knative-serving\n"
                : "      managementState: Managed\n      defaultDeploymentMode: RawDeployment\n      serving:\n        managementState: Removed\n";
        return "apiVersion: datasciencecluster.opendatahub.io/v1\nkind: DataScienceCluster\nmetadata:\n  name: default-dsc\n" + SYNC
                + "spec:\n  components:\n    dashboard:\n      managementState: Managed\n    workbenches:\n      managementState: Managed\n"
                + "    kserve:\n" + kserveSpec;
    }

    private static final String NODE_FEATURE_DISCOVERY = "apiVersion: nfd.openshift.io/v1\nkind: NodeFeatureDiscovery\nmetadata:\n"
            + "  name: nfd-instance\n  namespace: openshift-nfd\n" + SYNC + """
            spec:
              operand:
                servicePort: 12000
              workerConfig:
                configData: |
                  sources:
                    pci:
                      deviceClassWhitelist: ["0300", "0302"]
                      deviceLabelFields: [vendor]
            """;

    /** The fields the ClusterPolicy CRD requires, with the operator's defaults for OpenShift. */
    private static final String CLUSTER_POLICY = "apiVersion: nvidia.com/v1\nkind: ClusterPolicy\nmetadata:\n  name: gpu-cluster-policy\n" + SYNC + """
            spec:
              operator:
                defaultRuntime: crio
                use_ocp_driver_toolkit: true
              daemonsets:
                updateStrategy: RollingUpdate
              driver:
                enabled: true
              toolkit:
                enabled: true
              devicePlugin:
                enabled: true
              dcgm:
                enabled: true
              dcgmExporter:
                enabled: true
                serviceMonitor:
                  enabled: true
              gfd:
                enabled: true
              nodeStatusExporter:
                enabled: true
              mig:
                strategy: single
              validator:
                plugin:
                  env:
                    - name: WITH_WORKLOAD
                      value: "false"
            """;

    private static boolean isGpuRequest(Fact f) {
        return f.type() == RuleType.RESOURCE_REQUEST && f.key() != null && f.key().endsWith("/gpu");
    }
}
