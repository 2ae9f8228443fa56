package dev.ragfn.convert.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The converter's own check of its output, written from the clustergroup chart 0.9 rules: keys a
 * clusterGroup, an application, a subscription and a managed cluster group may carry, the
 * required ones, and the pattern-metadata fields. A failure here is a converter bug, so it is an
 * {@link IllegalStateException}, never blamed on the input.
 */
final class PatternFormat {

    static final Set<String> CLUSTER_GROUP_KEYS = Set.of("name", "targetCluster", "isHubCluster", "sharedValueFiles", "scheduler",
            "namespaces", "nodes", "indexImages", "operatorgroupExcludes", "operatorgroupExcludeTargetNS", "subscriptions",
            "argoProjects", "projects", "applications", "argoCD", "imperative", "extraObjects", "managedClusterGroups");
    static final Set<String> APPLICATION_KEYS = Set.of("name", "namespace", "argoProject", "project", "path", "chart", "chartVersion",
            "repoURL", "targetRevision", "kustomize", "plugin", "extraValueFiles", "overrides", "ignoreDifferences", "syncPolicy");
    static final Set<String> SUBSCRIPTION_KEYS = Set.of("name", "namespaces", "namespace", "sourceNamespace", "source", "channel",
            "csv", "installPlanApproval", "annotations", "config", "disabled", "sequenceJob", "channels", "version",
            "upgradeConstraintPolicy", "serviceAccountName");
    static final Set<String> MANAGED_GROUP_KEYS = Set.of("name", "targetRevision", "acmlabels", "clusterPools", "clusterDeployments",
            "clusterSelector", "helmOverrides");
    static final List<String> METADATA_FIELDS = List.of("metadata_version", "name", "description", "pattern_version", "display_name",
            "repo_url", "docs_repo_url", "issues_url", "docs_url", "ci_url", "logo", "tier", "owners", "requirements",
            "extra_features", "external_requirements", "variants");

    private PatternFormat() {
    }

    static void check(String name, Map<String, Object> global, Map<String, Map<String, Object>> groups, Map<String, Object> metadata,
                      Set<String> files) {
        List<String> problems = new ArrayList<>();
        if (!name.matches(Names.NAME_PATTERN)) {
            problems.add("pattern name '" + name + "' does not match " + Names.NAME_PATTERN);
        }
        Map<?, ?> options = (Map<?, ?>) ((Map<?, ?>) global.get("global")).get("options");
        for (String key : List.of("useCSV", "syncPolicy", "installPlanApproval")) {
            if (options == null || !options.containsKey(key)) {
                problems.add("global.options." + key + " is required");
            }
        }
        Object main = ((Map<?, ?>) global.get("main")).get("clusterGroupName");
        if (!groups.containsKey(String.valueOf(main))) {
            problems.add("main.clusterGroupName '" + main + "' has no values file");
        }
        groups.forEach((g, doc) -> checkGroup(g, (Map<?, ?>) doc.get("clusterGroup"), files, problems));
        for (String field : METADATA_FIELDS) {
            if (!metadata.containsKey(field)) {
                problems.add("pattern-metadata.yaml lacks " + field);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Generated pattern breaks the Validated Patterns format: " + String.join("; ", problems));
        }
    }

    private static void checkGroup(String g, Map<?, ?> group, Set<String> files, List<String> problems) {
        String where = "values-" + g + ".yaml";
        if (!g.matches(Names.NAME_PATTERN) || !g.equals(group.get("name"))) {
            problems.add(where + ": clusterGroup.name must be '" + g + "' and match " + Names.NAME_PATTERN);
        }
        unknownKeys(where + " clusterGroup", group, CLUSTER_GROUP_KEYS, problems);
        for (String required : List.of("name", "namespaces", "applications")) {
            if (!group.containsKey(required)) {
                problems.add(where + ": clusterGroup." + required + " is required");
            }
        }
        ((Map<?, ?>) group.get("applications")).forEach((k, v) -> {
            Map<?, ?> app = (Map<?, ?>) v;
            unknownKeys(where + " application " + k, app, APPLICATION_KEYS, problems);
            if (!app.containsKey("name") || !app.containsKey("namespace")) {
                problems.add(where + ": application " + k + " needs name and namespace");
            }
            if (app.containsKey("path") == app.containsKey("chart")) {
                problems.add(where + ": application " + k + " needs exactly one of path and chart");
            }
            if (app.get("path") instanceof String path && files.stream().noneMatch(f -> f.startsWith(path + "/"))) {
                problems.add(where + ": application " + k + " points at " + path + ", which the pattern does not contain");
            }
        });
        if (group.get("subscriptions") instanceof Map<?, ?> subs) {
            subs.forEach((k, v) -> {
                unknownKeys(where + " subscription " + k, (Map<?, ?>) v, SUBSCRIPTION_KEYS, problems);
                if (!((Map<?, ?>) v).containsKey("name")) {
                    problems.add(where + ": subscription " + k + " needs a name");
                }
            });
        }
        if (group.get("managedClusterGroups") instanceof Map<?, ?> managed) {
            managed.forEach((k, v) -> unknownKeys(where + " managed cluster group " + k, (Map<?, ?>) v, MANAGED_GROUP_KEYS, problems));
        }
    }

    private static void unknownKeys(String where, Map<?, ?> map, Set<String> allowed, List<String> problems) {
        map.keySet().stream().map(String::valueOf).filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> problems.add(where + " has unknown key '" + k + "'"));
    }
}
