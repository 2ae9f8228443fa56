package dev.ragfn.convert.pattern;

import dev.ragfn.convert.discovery.Inventory;
import dev.ragfn.convert.discovery.Inventory.Chart;
import dev.ragfn.convert.discovery.Inventory.Kustomization;
import dev.ragfn.convert.discovery.Inventory.Manifest;
import dev.ragfn.convert.discovery.Inventory.Origin;
import dev.ragfn.convert.discovery.Inventory.Subscription;
import dev.ragfn.convert.rules.Detection;
import dev.ragfn.convert.yaml.YamlWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.ragfn.convert.pattern.ClusterGroupPlan.map;

/**
 * Plans and writes the pattern repository: one cluster group per site (hub by default), an
 * application per chart, Kustomize app or folder of plain manifests, operator subscriptions,
 * Vault and External Secrets when the source uses secrets, and the framework's files.
 */
public final class PatternBuilder {

    static final String HUB = "hub";
    /** Overlay names that mean an environment rather than a site; they do not become cluster groups. */
    private static final List<String> ENVIRONMENTS = List.of("prod", "production", "stage", "staging", "qa", "test", "dev", "development", "local");
    private static final Pattern SITE_DIR = Pattern.compile("(?:^|/)(?:sites|clusters|regions)/([^/]+)");
    private static final Set<String> OLM_KINDS = Set.of("Subscription", "OperatorGroup", "CatalogSource", "ClusterServiceVersion",
            "Namespace", "Secret");

    private final OperatorCatalog catalog = OperatorCatalog.bundled();

    public GeneratedPattern build(Path root, String sourceName, Optional<String> repoUrl, Inventory inventory,
                                  List<Detection> detections) {
        String name = Names.sanitize(sourceName, "converted-pattern");
        List<Product> products = catalog.products(inventory);
        List<String> needsHuman = new ArrayList<>();
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!inventory.hasDeployables()) {
            needsHuman.add("Nothing to convert: no Helm chart, Kustomize folder, Kubernetes manifest or operator Subscription was found.");
            ConversionReport report = new ConversionReport(name, true, List.of(), Map.of(), detections, products, inventory, needsHuman);
            report.writeTo(files);
            return new GeneratedPattern(name, true, files, report);
        }
        Map<String, ClusterGroupPlan> groups = new TreeMap<>(Comparator.comparing((String g) -> !g.equals(HUB)).thenComparing(Function.identity()));
        ClusterGroupPlan hub = new ClusterGroupPlan(HUB);
        groups.put(HUB, hub);

        for (Chart chart : inventory.charts()) {
            if (chart.parent() == null) {
                addChart(root, inventory, chart, hub, files, needsHuman);
            }
        }
        addKustomize(root, inventory, groups, files, needsHuman);
        addPlainManifests(root, inventory, name, groups, files, needsHuman);
        addSubscriptions(inventory, groups.values(), products, needsHuman);

        boolean secrets = !inventory.secrets().isEmpty();
        if (secrets) {
            addSecretsStack(hub);
            files.put("values-secret.yaml.template", utf8(FrameworkFiles.secretTemplate(inventory.secrets())));
            needsHuman.add("Secrets found (" + String.join(", ", inventory.secrets().keySet()) + "): fill values-secret.yaml from "
                    + "values-secret.yaml.template outside Git, and move Secret manifests to ExternalSecrets that read from Vault.");
        }
        List<String> sites = groups.keySet().stream().filter(g -> !g.equals(HUB)).toList();
        if (!sites.isEmpty()) {
            addAcm(hub, sites);
        }

        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        groups.forEach((g, plan) -> values.put(g, plan.toValues()));
        Map<String, Object> global = FrameworkFiles.valuesGlobal(name, secrets);
        Map<String, Object> metadata = FrameworkFiles.metadata(name, repoUrl, detections, !sites.isEmpty());
        if (repoUrl.isEmpty()) {
            needsHuman.add("pattern-metadata.yaml: set repo_url, issues_url and owners (no Git URL was given).");
        }
        PatternFormat.check(name, global, values, metadata, files.keySet());

        files.put("pattern-metadata.yaml", utf8(YamlWriter.write(FrameworkFiles.METADATA_HEADER, metadata)));
        files.put("values-global.yaml", utf8(YamlWriter.write(null, global)));
        values.forEach((g, doc) -> files.put("values-" + g + ".yaml", utf8(YamlWriter.write(
                "Cluster group '" + g + "', generated by ragfn convert.", doc))));
        FrameworkFiles.staticFiles().forEach((path, text) -> files.put(path, utf8(text)));

        ConversionReport report = new ConversionReport(name, false, List.copyOf(values.keySet()),
                values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> List.copyOf(groups.get(e.getKey()).applications.keySet()), (a, b) -> a, TreeMap::new)),
                detections, products, inventory, needsHuman);
        report.writeTo(files);
        return new GeneratedPattern(name, false, files, report);
    }

    private void addChart(Path root, Inventory inventory, Chart chart, ClusterGroupPlan hub, SortedMap<String, byte[]> files,
                          List<String> needsHuman) {
        String key = freeKey(Names.sanitize(chart.name(), "chart"), "all", List.of(hub), files);
        String target = "charts/all/" + key;
        copyTree(root, inventory, chart.dir(), target, files);
        String namespace = commonNamespace(inventory.manifests().stream()
                .filter(m -> m.origin() == Origin.HELM && m.owner() != null && (m.owner().equals(chart.dir())
                        || m.owner().startsWith(chart.dir().isEmpty() ? "" : chart.dir() + "/")))).orElse(key);
        hub.application(key, map("name", key, "namespace", namespace, "argoProject", HUB, "path", target));
        chart.dependencies().stream().filter(d -> d.repository() != null && !d.repository().startsWith("file://"))
                .forEach(d -> needsHuman.add("Chart '" + chart.name() + "' depends on '" + d.name() + "' from " + d.repository()
                        + ": Argo CD must reach that repository (or vendor the chart into " + target + "/charts)."));
    }

    private void addKustomize(Path root, Inventory inventory, Map<String, ClusterGroupPlan> groups, SortedMap<String, byte[]> files,
                              List<String> needsHuman) {
        Map<String, List<Kustomization>> byApp = new TreeMap<>();
        for (Kustomization k : inventory.kustomizations()) {
            byApp.computeIfAbsent(appRoot(k.dir()), r -> new ArrayList<>()).add(k);
        }
        byApp.forEach((appRoot, dirs) -> {
            String key = freeKey(Names.sanitize(appRoot.isEmpty() ? "app" : last(appRoot), "app"), "all", groups.values(), files);
            String target = "charts/all/" + key;
            dirs.forEach(k -> copyTree(root, inventory, k.dir(), target + rel(appRoot, k.dir()), files));
            List<Kustomization> overlays = dirs.stream().filter(Kustomization::overlay).toList();
            List<Kustomization> sites = overlays.stream().filter(k -> !ENVIRONMENTS.contains(last(k.dir()))).toList();
            for (Kustomization site : sites) {
                String group = Names.sanitize(last(site.dir()), "site");
                groups.computeIfAbsent(group, ClusterGroupPlan::new).application(key, kustomizeApp(inventory, key, group, target, appRoot, site));
            }
            if (sites.isEmpty()) {
                Kustomization chosen = overlays.stream().min(Comparator.comparingInt(k -> ENVIRONMENTS.indexOf(last(k.dir()))))
                        .orElse(dirs.stream().filter(k -> dirs.stream().noneMatch(o -> o != k && o.resources().stream()
                                .anyMatch(r -> r.contains(last(k.dir()))))).findFirst().orElse(dirs.get(0)));
                groups.get(HUB).application(key, kustomizeApp(inventory, key, HUB, target, appRoot, chosen));
                if (overlays.size() > 1) {
                    needsHuman.add("Kustomize app '" + key + "' has environment overlays " + overlays.stream().map(k -> last(k.dir())).toList()
                            + "; the hub deploys '" + last(chosen.dir()) + "'. Add cluster groups for the others if they are separate clusters.");
                }
            }
        });
    }

    private Map<String, Object> kustomizeApp(Inventory inventory, String key, String project, String target, String appRoot,
                                             Kustomization k) {
        String namespace = Optional.ofNullable(k.namespace()).or(() -> commonNamespace(inventory.manifests().stream()
                .filter(m -> m.origin() == Origin.KUSTOMIZE && Objects.equals(appRoot(m.owner()), appRoot)))).orElse(key);
        return map("name", key, "namespace", namespace, "argoProject", project, "path", target + rel(appRoot, k.dir()),
                "kustomize", true);
    }

    private void addPlainManifests(Path root, Inventory inventory, String patternName, Map<String, ClusterGroupPlan> groups,
                                   SortedMap<String, byte[]> files, List<String> needsHuman) {
        Map<String, List<Manifest>> byFile = inventory.manifests().stream().filter(m -> m.origin() == Origin.PLAIN)
                .collect(Collectors.groupingBy(Manifest::file, TreeMap::new, Collectors.toList()));
        Map<String, List<String>> byDir = new TreeMap<>();
        byFile.forEach((file, docs) -> {
            if (docs.stream().allMatch(m -> OLM_KINDS.contains(m.kind()))) {
                return;
            }
            if (docs.stream().anyMatch(m -> OLM_KINDS.contains(m.kind()))) {
                needsHuman.add(file + " mixes application objects with Subscriptions, Namespaces or Secrets; it was copied whole, "
                        + "remove the latter from the chart copy.");
            }
            int slash = file.lastIndexOf('/');
            byDir.computeIfAbsent(slash < 0 ? "" : file.substring(0, slash), d -> new ArrayList<>()).add(file);
        });
        byDir.forEach((dir, dirFiles) -> {
            Optional<String> site = site(dir);
            String group = site.orElse(HUB);
            boolean siteRoot = site.isPresent() && Names.sanitize(last(dir), "").equals(site.get());
            String key = freeKey(Names.sanitize(dir.isEmpty() || siteRoot ? patternName : last(dir), "manifests"), site.orElse("all"),
                    groups.containsKey(group) ? List.of(groups.get(group)) : List.of(), files);
            String target = "charts/" + site.orElse("all") + "/" + key;
            files.put(target + "/Chart.yaml", utf8(FrameworkFiles.wrapperChart(key, dir)));
            for (String file : dirFiles) {
                byte[] bytes = read(root, file);
                if (new String(bytes, StandardCharsets.UTF_8).contains("{{")) {
                    needsHuman.add(file + " contains '{{', which Helm would read as a template; escape it in " + target + "/templates.");
                }
                files.put(target + "/templates/" + file.substring(file.lastIndexOf('/') + 1), bytes);
            }
            String namespace = commonNamespace(dirFiles.stream().flatMap(f -> byFile.get(f).stream())).orElse(key);
            groups.computeIfAbsent(group, ClusterGroupPlan::new)
                    .application(key, map("name", key, "namespace", namespace, "argoProject", group, "path", target));
        });
    }

    private void addSubscriptions(Inventory inventory, Iterable<ClusterGroupPlan> groups, List<Product> products, List<String> needsHuman) {
        for (Subscription s : inventory.subscriptions()) {
            boolean insideApp = inventory.manifests().stream()
                    .anyMatch(m -> m.file().equals(s.file()) && "Subscription".equals(m.kind()) && m.origin() != Origin.PLAIN);
            if (insideApp) {
                needsHuman.add("Subscription '" + s.packageName() + "' in " + s.file() + " is deployed by its chart or Kustomize app; "
                        + "it was not added to clusterGroup.subscriptions, so the two do not fight over it. Move it there if you prefer.");
                continue;
            }
            if (s.packageName() == null) {
                needsHuman.add("Subscription in " + s.file() + " has no spec.name; it was left out.");
                continue;
            }
            String namespace = s.namespace() == null || s.namespace().equals("openshift-operators") ? null : s.namespace();
            Map<String, Object> sub = map("name", s.packageName(), "namespace", namespace, "channel", s.channel(),
                    "source", s.source(), "sourceNamespace", s.sourceNamespace(), "csv", s.startingCsv());
            for (ClusterGroupPlan group : groups) {
                group.subscriptions.put(Names.sanitize(s.packageName(), "operator"), sub);
                if (namespace != null) {
                    group.namespace(namespace);
                }
            }
            if (namespace != null) {
                needsHuman.add("Operator '" + s.packageName() + "' installs into namespace '" + namespace + "': the framework creates an "
                        + "OperatorGroup targeting that namespace only; set operatorGroup/targetNamespaces for it if the operator needs AllNamespaces.");
            }
        }
        products.stream().filter(p -> p.product() == null)
                .forEach(p -> needsHuman.add("Operator package '" + p.packageName() + "' (" + p.file() + ") is not one the converter knows; check its catalog source and channel."));
    }

    /** Vault and the External Secrets Operator, as the framework's reference pattern installs them on the hub. */
    private static void addSecretsStack(ClusterGroupPlan hub) {
        hub.namespace("vault");
        hub.namespace("external-secrets-operator", map("operatorGroup", true, "targetNamespaces", List.of()));
        hub.namespace("external-secrets");
        hub.subscriptions.put("eso", map("name", "openshift-external-secrets-operator", "namespace", "external-secrets-operator",
                "channel", "stable-v1"));
        hub.application("vault", map("name", "vault", "namespace", "vault", "argoProject", HUB, "chart", "hashicorp-vault",
                "chartVersion", "0.1.*"));
        hub.application("openshift-external-secrets", map("name", "openshift-external-secrets", "namespace", "external-secrets",
                "argoProject", HUB, "chart", "openshift-external-secrets", "chartVersion", "0.0.*"));
    }

    /** ACM on the hub manages the site clusters; each site is a managed cluster group selected by label. */
    private static void addAcm(ClusterGroupPlan hub, List<String> sites) {
        hub.namespace("open-cluster-management");
        hub.subscriptions.put("acm", map("name", "advanced-cluster-management", "namespace", "open-cluster-management",
                "channel", "release-2.16"));
        hub.application("acm", map("name", "acm", "namespace", "open-cluster-management", "argoProject", HUB, "chart", "acm",
                "chartVersion", "0.2.*"));
        for (String site : sites) {
            hub.managedClusterGroups.put(site, map("name", site, "acmlabels", List.of(map("name", "clusterGroup", "value", site))));
        }
    }

    /** Manifests under sites/<name>/, clusters/<name>/ or regions/<name>/ belong to the cluster group of that site. */
    static Optional<String> site(String dir) {
        Matcher m = SITE_DIR.matcher(dir);
        return m.find() ? Optional.of(Names.sanitize(m.group(1), "site")) : Optional.empty();
    }

    /** The key itself, or with a number appended when its folder under charts/<bucket> or its name in a group is taken. */
    private static String freeKey(String key, String bucket, java.util.Collection<ClusterGroupPlan> groups, SortedMap<String, byte[]> files) {
        String candidate = key;
        for (int n = 2; taken(candidate, bucket, groups, files); n++) {
            candidate = key + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(String key, String bucket, java.util.Collection<ClusterGroupPlan> groups, SortedMap<String, byte[]> files) {
        String prefix = "charts/" + bucket + "/" + key + "/";
        return files.keySet().stream().anyMatch(f -> f.startsWith(prefix)) || groups.stream().anyMatch(g -> g.applications.containsKey(key));
    }

    private static Optional<String> commonNamespace(java.util.stream.Stream<Manifest> manifests) {
        return manifests.map(Manifest::namespace).filter(n -> n != null && n.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"))
                .collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private static void copyTree(Path root, Inventory inventory, String dir, String target, SortedMap<String, byte[]> files) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        for (String file : inventory.files()) {
            if (file.startsWith(prefix)) {
                files.put(target + "/" + file.substring(prefix.length()), read(root, file));
            }
        }
    }

    /** The folder that holds a Kustomize app's base and overlays. */
    static String appRoot(String dir) {
        if (dir == null) {
            return "";
        }
        for (String marker : List.of("/overlays/", "/base/")) {
            int at = ("/" + dir + "/").indexOf(marker);
            if (at >= 0) {
                return at == 0 ? "" : dir.substring(0, at - 1);
            }
        }
        return dir;
    }

    private static String rel(String appRoot, String dir) {
        String r = appRoot.isEmpty() ? dir : dir.substring(appRoot.length());
        return r.isEmpty() || r.startsWith("/") ? r : "/" + r;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static byte[] read(Path root, String file) {
        try {
            return Files.readAllBytes(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read source file " + file, e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
