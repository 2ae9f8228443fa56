package dev.ragfn.convert.pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One cluster group being planned; {@link #toValues()} gives the {@code values-<name>.yaml} document. */
final class ClusterGroupPlan {

    final String name;
    final TreeMap<String, Map<String, Object>> namespaces = new TreeMap<>();
    final TreeMap<String, Map<String, Object>> subscriptions = new TreeMap<>();
    final TreeMap<String, Map<String, Object>> applications = new TreeMap<>();
    final TreeMap<String, Map<String, Object>> managedClusterGroups = new TreeMap<>();

    /**
     * Namespaces every OpenShift cluster already has. Declaring one makes clustergroup create a
     * second OperatorGroup there (openshift-operators has a global one), which OLM refuses.
     */
    private static final Set<String> PLATFORM_NAMESPACES = Set.of("default", "openshift", "openshift-operators", "openshift-config",
            "openshift-config-managed", "openshift-marketplace", "openshift-monitoring", "openshift-user-workload-monitoring",
            "openshift-gitops", "openshift-ingress", "openshift-console", "openshift-operator-lifecycle-manager");

    ClusterGroupPlan(String name) {
        this.name = name;
    }

    static boolean isPlatformNamespace(String ns) {
        return PLATFORM_NAMESPACES.contains(ns) || ns.startsWith("kube-");
    }

    /** Declares a namespace the pattern creates; platform namespaces are left alone. */
    void namespace(String ns) {
        if (!isPlatformNamespace(ns)) {
            namespaces.putIfAbsent(ns, null);
        }
    }

    void namespace(String ns, Map<String, Object> settings) {
        if (!isPlatformNamespace(ns)) {
            namespaces.put(ns, settings);
        }
    }

    void application(String key, Map<String, Object> app) {
        applications.put(key, app);
        namespace(String.valueOf(app.get("namespace")));
    }

    Map<String, Object> toValues() {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", name);
        group.put("namespaces", new LinkedHashMap<>(namespaces));
        if (!subscriptions.isEmpty()) {
            group.put("subscriptions", new LinkedHashMap<>(subscriptions));
        }
        TreeSet<String> projects = new TreeSet<>();
        applications.values().forEach(a -> projects.add(String.valueOf(a.get("argoProject"))));
        List<String> argoProjects = new ArrayList<>();
        if (projects.remove(name)) {
            argoProjects.add(name);
        }
        argoProjects.addAll(projects);
        group.put("argoProjects", argoProjects);
        group.put("sharedValueFiles", List.of("/overrides/values-{{ $.Values.global.clusterPlatform }}.yaml"));
        group.put("applications", new LinkedHashMap<>(applications));
        if (!managedClusterGroups.isEmpty()) {
            group.put("managedClusterGroups", new LinkedHashMap<>(managedClusterGroups));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("clusterGroup", group);
        return doc;
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        return m;
    }
}
