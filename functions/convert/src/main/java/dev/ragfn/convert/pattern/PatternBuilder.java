package dev.ragfn.convert.pattern;

import dev.ragfn.convert.discovery.Inventory;
import dev.ragfn.convert.discovery.Inventory.ArgoApplication;
import dev.ragfn.convert.discovery.Inventory.Chart;
import dev.ragfn.convert.discovery.Inventory.Dependency;
import dev.ragfn.convert.discovery.Inventory.Kustomization;
import dev.ragfn.convert.discovery.Inventory.Manifest;
import dev.ragfn.convert.discovery.Inventory.Origin;
import dev.ragfn.convert.discovery.Inventory.Subscription;
import dev.ragfn.convert.discovery.Placeholders;
import dev.ragfn.convert.rules.Detection;
import dev.ragfn.convert.rules.RuleType;
import dev.ragfn.convert.yaml.YamlWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.ragfn.convert.pattern.ClusterGroupPlan.map;
import static dev.ragfn.convert.pattern.RepoPaths.commonAncestor;
import static dev.ragfn.convert.pattern.RepoPaths.display;
import static dev.ragfn.convert.pattern.RepoPaths.imageRepository;
import static dev.ragfn.convert.pattern.RepoPaths.join;
import static dev.ragfn.convert.pattern.RepoPaths.last;
import static dev.ragfn.convert.pattern.RepoPaths.normalize;
import static dev.ragfn.convert.pattern.RepoPaths.parent;
import static dev.ragfn.convert.pattern.RepoPaths.rel;
import static dev.ragfn.convert.pattern.RepoPaths.sameRepository;
import static dev.ragfn.convert.pattern.RepoPaths.under;

/**
 * Plans and writes the pattern repository: one cluster group per site (hub by default), one
 * application per application of the source, installed one way (Argo CD Application, Helm chart,
 * Kustomize or plain manifests, in that order of preference), operator subscriptions, the
 * operators an AI application needs, Vault and External Secrets when the source uses secrets, and
 * the framework's files.
 */
public final class PatternBuilder {

    static final String HUB = "hub";
    private static final Set<String> OLM_KINDS = Set.of("Subscription", "OperatorGroup", "CatalogSource", "ClusterServiceVersion",
            "Namespace", "Secret");
    private static final Pattern SITE_DIR = Pattern.compile("(?:^|/)(?:sites|clusters|regions)/([^/]+)");
    private static final Pattern SITE_NAME = Pattern.compile("(?i)(site|cluster|region)[-_].+");
    private static final Set<String> ARGO_KINDS = Set.of("Application", "ApplicationSet", "AppProject");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "DeploymentConfig",
            "Pod", "InferenceService", "ServingRuntime");

    private final OperatorCatalog catalog = OperatorCatalog.bundled();

    /**
     * @param sourceUrl      the Git URL the source was cloned from, if any
     * @param patternRepoUrl the repository the pattern itself goes to (its push URL), if known
     */
    public GeneratedPattern build(Path root, String sourceName, Optional<String> sourceUrl, Optional<String> patternRepoUrl,
                                  Inventory inventory, List<Detection> detections) {
        String name = Names.sanitize(sourceName, "converted-pattern");
        List<Product> products = catalog.products(inventory);
        SortedMap<String, byte[]> files = new TreeMap<>();
        Plan plan = new Plan(root, inventory, sourceUrl, files);
        if (!inventory.hasDeployables()) {
            plan.needsHuman.add("Nothing to convert: no Helm chart, Kustomize folder, Kubernetes manifest or operator Subscription was found.");
            ConversionReport report = new ConversionReport(name, true, List.of(), Map.of(), detections, products, inventory,
                    plan.needsHuman, plan.notes);
            report.writeTo(files);
            return new GeneratedPattern(name, true, files, report);
        }
        plan.applications(name);
        plan.subscriptions(products);
        AiOperators.add(inventory, detections, plan.groups.values(), plan.notes, files);

        ClusterGroupPlan hub = plan.groups.get(HUB);
        boolean secrets = !inventory.secrets().isEmpty();
        if (secrets) {
            addSecretsStack(hub);
            files.put("values-secret.yaml.template", utf8(FrameworkFiles.secretTemplate(inventory.secrets())));
            plan.needsHuman.add("Secrets found (" + String.join(", ", inventory.secrets().keySet()) + "): fill values-secret.yaml from "
                    + "values-secret.yaml.template outside Git, and move Secret manifests to ExternalSecrets that read from Vault.");
        }
        List<String> sites = plan.groups.keySet().stream().filter(g -> !g.equals(HUB)).toList();
        if (!sites.isEmpty()) {
            addAcm(hub, sites);
        }

        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        plan.groups.forEach((g, group) -> values.put(g, group.toValues()));
        Map<String, Object> global = FrameworkFiles.valuesGlobal(name, secrets);
        Map<String, Object> metadata = FrameworkFiles.metadata(name, patternRepoUrl, sourceUrl, detections, !sites.isEmpty());
        if (patternRepoUrl.isEmpty()) {
            plan.needsHuman.add("pattern-metadata.yaml: set repo_url, issues_url (the pattern's own repository, not the source's) and owners.");
        }
        PatternFormat.check(name, global, values, metadata, files.keySet());

        files.put("pattern-metadata.yaml", utf8(YamlWriter.write(FrameworkFiles.METADATA_HEADER, metadata)));
        files.put("values-global.yaml", utf8(YamlWriter.write(null, global)));
        values.forEach((g, doc) -> files.put("values-" + g + ".yaml", utf8(YamlWriter.write(
                "Cluster group '" + g + "', generated by ragfn convert.", doc))));
        FrameworkFiles.staticFiles().forEach((path, text) -> files.put(path, utf8(text)));

        ConversionReport report = new ConversionReport(name, false, List.copyOf(values.keySet()),
                values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> List.copyOf(plan.groups.get(e.getKey()).applications.keySet()), (a, b) -> a, TreeMap::new)),
                detections, products, inventory, plan.needsHuman, plan.notes);
        report.writeTo(files);
        return new GeneratedPattern(name, false, files, report);
    }

    /**
     * One way of installing an application found in the source; {@code signature} (workload names and
     * images) is what makes two of them the same application, when they go to the same cluster group.
     */
    private record Candidate(String method, String where, String group, int preference, Set<String> signature, Runnable install) {

        boolean sameApplicationAs(Candidate other) {
            return group.equals(other.group) && other.signature.stream().anyMatch(signature::contains);
        }
    }

    /** The state of one build: cluster groups, files written so far, and what the report will say. */
    private final class Plan {
        final Path root;
        final Inventory inventory;
        final Optional<String> sourceUrl;
        final SortedMap<String, byte[]> files;
        final Map<String, ClusterGroupPlan> groups = new TreeMap<>(Comparator.comparing((String g) -> !g.equals(HUB))
                .thenComparing(Function.identity()));
        final List<String> needsHuman = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Folders an Argo CD Application of the source deploys, with the namespace it names. */
        final Map<String, ArgoApplication> argoPaths = new TreeMap<>();

        Plan(Path root, Inventory inventory, Optional<String> sourceUrl, SortedMap<String, byte[]> files) {
            this.root = root;
            this.inventory = inventory;
            this.sourceUrl = sourceUrl;
            this.files = files;
            groups.put(HUB, new ClusterGroupPlan(HUB));
        }

        void applications(String patternName) {
            List<Candidate> candidates = new ArrayList<>();
            argoApplications(candidates);
            charts(candidates);
            kustomizeApps(candidates);
            plainManifests(patternName, candidates);
            List<Candidate> chosen = new ArrayList<>();
            candidates.stream().sorted(Comparator.comparingInt(Candidate::preference).thenComparing(Candidate::where)).forEach(c -> {
                Optional<Candidate> same = chosen.stream().filter(c::sameApplicationAs).findFirst();
                if (same.isPresent()) {
                    notes.add("Not deployed: " + c.method() + " '" + display(c.where()) + "' installs the same application as "
                            + same.get().method() + " '" + display(same.get().where()) + "', which was chosen.");
                } else {
                    chosen.add(c);
                    c.install().run();
                    notes.add("Installed with " + c.method() + ": '" + display(c.where()) + "'.");
                }
            });
            argoPaths.forEach((path, app) -> {
                if (chosen.stream().noneMatch(c -> c.method().startsWith("Argo CD") && (c.where().equals(path) || under(path, c.where())))) {
                    needsHuman.add("Argo CD Application '" + app.name() + "' (" + app.file() + ") deploys '" + display(path) + "', which is "
                            + "not one chart, Kustomize app or folder of manifests (jsonnet, nested folders?); what it holds was converted on "
                            + "its own, check that the pattern deploys it as the Application did.");
                }
            });
        }

        /** Argo CD Applications of the source become clusterGroup applications; those of this repository deploy its folders. */
        private void argoApplications(List<Candidate> candidates) {
            for (ArgoApplication app : inventory.argoApplications()) {
                String key = Names.sanitize(app.name(), "app");
                String namespace = Optional.ofNullable(app.namespace()).filter(n -> !Placeholders.isPlaceholder(n)).orElse(key);
                if (app.path() != null && inThisRepository(app.repoUrl()) && isFolder(normalize(app.path()))) {
                    String path = normalize(app.path());
                    if (holdsOnlyArgoObjects(path)) {
                        notes.add("Argo CD Application '" + app.name() + "' (" + app.file() + ") deploys the Applications in '" + path
                                + "' (app of apps); each of them was mapped to clusterGroup.applications instead.");
                    } else {
                        argoPaths.put(path, app);
                    }
                    continue;
                }
                if (app.repoUrl() == null || Placeholders.isPlaceholder(app.repoUrl())) {
                    needsHuman.add("Argo CD Application '" + app.name() + "' in " + app.file() + " has no usable repoURL; it was left out.");
                    continue;
                }
                Map<String, Object> entry = app.chart() != null
                        ? map("name", key, "namespace", namespace, "argoProject", HUB, "repoURL", app.repoUrl(), "chart", app.chart(),
                        "chartVersion", app.targetRevision())
                        : map("name", key, "namespace", namespace, "argoProject", HUB, "repoURL", app.repoUrl(), "path",
                        app.path() == null ? "." : app.path(), "targetRevision", app.targetRevision());
                candidates.add(new Candidate("Argo CD Application", app.file() + "#" + app.name(), HUB, 0, Set.of("argo:" + key),
                        () -> groups.get(HUB).application(freeKey(key, "all", groups.values(), files), entry)));
                notes.add("Remote source: Argo CD Application '" + app.name() + "' deploys " + (app.chart() != null ? "chart '" + app.chart()
                        + "' from " : "'" + app.path() + "' of ") + app.repoUrl() + "; Argo CD must reach it.");
            }
        }

        private void charts(List<Candidate> candidates) {
            Set<String> vendored = new TreeSet<>();
            for (Chart chart : inventory.charts()) {
                if (chart.parent() == null) {
                    siblingDependencies(chart).values().forEach(c -> vendored.add(c.dir()));
                }
            }
            for (Chart chart : inventory.charts()) {
                if (chart.parent() != null) {
                    continue;
                }
                if (vendored.contains(chart.dir())) {
                    notes.add("Chart '" + chart.name() + "' (" + display(chart.dir()) + ") is a file:// dependency of another chart; it is "
                            + "deployed with that chart only.");
                    continue;
                }
                Optional<ArgoApplication> argo = Optional.ofNullable(argoPaths.get(chart.dir()));
                candidates.add(new Candidate(argo.isPresent() ? "Argo CD Application (Helm chart)" : "Helm chart", chart.dir(), HUB,
                        argo.isPresent() ? 0 : 1, signature(file -> under(file, chart.dir())), () -> addChart(chart, argo)));
            }
        }

        private void addChart(Chart chart, Optional<ArgoApplication> argo) {
            String key = freeKey(Names.sanitize(argo.map(ArgoApplication::name).orElse(chart.name()), "chart"), "all", groups.values(), files);
            String target = "charts/all/" + key;
            copyTree(chart.dir(), target);
            siblingDependencies(chart).forEach((dependency, sibling) -> {
                String vendoredAt = "charts/" + last(sibling.dir());
                copyTree(sibling.dir(), target + "/" + vendoredAt);
                for (String file : List.of("Chart.yaml", "requirements.yaml")) {
                    byte[] bytes = files.get(target + "/" + file);
                    if (bytes != null) {
                        files.put(target + "/" + file, utf8(new String(bytes, StandardCharsets.UTF_8)
                                .replace(dependency.repository(), "file://./" + vendoredAt)));
                    }
                }
                notes.add("Chart '" + chart.name() + "': its dependency '" + dependency.name() + "' (" + dependency.repository()
                        + ") was copied into " + target + "/" + vendoredAt + " and the repository rewritten to file://./" + vendoredAt + ".");
            });
            String namespace = argo.map(ArgoApplication::namespace).or(() -> commonNamespace(inventory.manifests().stream()
                    .filter(m -> m.origin() == Origin.HELM && m.owner() != null && under(m.owner(), chart.dir())))).orElse(key);
            groups.get(HUB).application(key, map("name", key, "namespace", namespace, "argoProject", HUB, "path", target));
            chart.dependencies().stream().filter(d -> d.repository() != null && !d.repository().startsWith("file://"))
                    .forEach(d -> notes.add("Remote chart: '" + chart.name() + "' depends on '" + d.name() + "' " + Optional.ofNullable(d.version())
                            .orElse("") + " from " + d.repository() + "; Argo CD must reach that repository (or vendor the chart into "
                            + target + "/charts)."));
        }

        /** The charts of this source that {@code chart} names as {@code file://} dependencies, by dependency. */
        private Map<Dependency, Chart> siblingDependencies(Chart chart) {
            Map<Dependency, Chart> siblings = new LinkedHashMap<>();
            for (Dependency d : chart.dependencies()) {
                if (d.repository() != null && d.repository().startsWith("file://")) {
                    String dir = normalize(join(chart.dir(), d.repository().substring("file://".length())));
                    inventory.charts().stream().filter(c -> c.dir().equals(dir) && !dir.startsWith(chart.dir().isEmpty() ? "charts/"
                            : chart.dir() + "/charts/")).findFirst().ifPresent(c -> siblings.put(d, c));
                }
            }
            return siblings;
        }

        /**
         * Kustomize folders joined by the references between them make one application. Components and
         * folders that only patch are never deployed alone; what an overlay names outside its folder is
         * copied with it, keeping the relative layout, so the copy builds as the original does.
         */
        private void kustomizeApps(List<Candidate> candidates) {
            Map<String, Kustomization> byDir = new TreeMap<>();
            inventory.kustomizations().forEach(k -> byDir.put(k.dir(), k));
            Map<String, String> unionFind = new TreeMap<>();
            byDir.keySet().forEach(d -> unionFind.put(d, d));
            Set<String> referenced = new TreeSet<>();
            for (Kustomization k : byDir.values()) {
                for (String path : resolved(k)) {
                    if (byDir.containsKey(path)) {
                        referenced.add(path);
                        if (!byDir.get(path).component()) {
                            union(unionFind, k.dir(), path);
                        }
                    }
                }
            }
            Map<String, List<Kustomization>> apps = new TreeMap<>();
            for (Kustomization k : byDir.values()) {
                if (k.component() || k.patchOnly()) {
                    if (!referenced.contains(k.dir())) {
                        notes.add("Kustomize folder '" + display(k.dir()) + "' is " + (k.component() ? "a Component" : "patches only")
                                + " and no kustomization uses it; it was not deployed on its own.");
                    }
                    continue;
                }
                apps.computeIfAbsent(find(unionFind, k.dir()), r -> new ArrayList<>()).add(k);
            }
            apps.values().forEach(members -> {
                List<Kustomization> entries = members.stream().filter(k -> !referenced.contains(k.dir())).toList();
                Set<String> closure = closure(members, byDir);
                String base = commonAncestor(closure);
                String name = Stream.of(last(appRoot((entries.isEmpty() ? members : entries).get(0).dir())), last(base))
                        .filter(n -> !n.isEmpty()).findFirst().orElse("app");
                Set<String> signature = signature(file -> closure.stream().anyMatch(c -> c.equals(file) || under(file, c)));
                Optional<Kustomization> argo = members.stream().filter(k -> argoPaths.containsKey(k.dir())).findFirst();
                candidates.add(new Candidate(argo.isPresent() ? "Argo CD Application (Kustomize)" : "Kustomize", base.isEmpty()
                        ? members.get(0).dir() : base, HUB, argo.isPresent() ? 0 : 2, signature,
                        () -> addKustomize(Names.sanitize(name, "app"), members, entries, closure, base, argo)));
            });
        }

        private void addKustomize(String name, List<Kustomization> members, List<Kustomization> entries, Set<String> closure, String base,
                                  Optional<Kustomization> argo) {
            String key = freeKey(argo.map(k -> Names.sanitize(argoPaths.get(k.dir()).name(), "app")).orElse(name), "all", groups.values(), files);
            String target = "charts/all/" + key;
            for (String path : closure) {
                if (isFolder(path)) {
                    copyTree(path, target + rel(base, path));
                } else if (inventory.files().contains(path)) {
                    files.put(target + rel(base, path), read(root, path));
                }
            }
            List<Kustomization> sites = entries.stream().filter(k -> site(k.dir()).isPresent()).toList();
            List<Kustomization> environments = entries.stream().filter(k -> site(k.dir()).isEmpty() && Environments.isEnvironment(last(k.dir())))
                    .sorted(Comparator.comparingInt(k -> Environments.rank(last(k.dir())))).toList();
            List<Kustomization> others = entries.stream().filter(k -> !sites.contains(k) && !environments.contains(k)).toList();
            if (argo.isEmpty()) {
                for (Kustomization s : sites) {
                    String group = site(s.dir()).orElseThrow();
                    groups.computeIfAbsent(group, ClusterGroupPlan::new).application(key, kustomizeApp(key, group, target, base, s, members));
                }
            }
            if (argo.isPresent() || sites.isEmpty()) {
                Kustomization chosen = argo.or(() -> environments.stream().findFirst())
                        .or(() -> members.stream().filter(k -> !k.overlay() && !entries.contains(k)).findFirst())
                        .orElse(entries.isEmpty() ? members.get(0) : entries.get(0));
                groups.get(HUB).application(key, kustomizeApp(key, HUB, target, base, chosen, members));
                List<String> unused = entries.stream().filter(k -> k != chosen).map(k -> display(k.dir())).toList();
                if (!unused.isEmpty()) {
                    notes.add("Kustomize app '" + key + "': the hub deploys '" + display(chosen.dir()) + "'; overlays " + unused
                            + " were copied but not deployed. Add a cluster group for any that is a separate cluster.");
                }
            }
            if (!others.isEmpty()) {
                notes.add("Kustomize overlays " + others.stream().map(k -> display(k.dir())).toList() + " are neither sites (folders under "
                        + "sites/, clusters/ or regions/, or overlays named site-*, cluster-*, region-*) nor environments (" + Environments.NAMES
                        + "); they did not become cluster groups.");
            }
        }

        private Map<String, Object> kustomizeApp(String key, String project, String target, String base, Kustomization k,
                                                 List<Kustomization> members) {
            Set<String> dirs = members.stream().map(Kustomization::dir).collect(Collectors.toSet());
            String namespace = Optional.ofNullable(argoPaths.get(k.dir())).map(ArgoApplication::namespace)
                    .or(() -> Optional.ofNullable(k.namespace()))
                    .or(() -> commonNamespace(inventory.manifests().stream().filter(m -> m.origin() == Origin.KUSTOMIZE
                            && dirs.contains(m.owner())))).orElse(key);
            return map("name", key, "namespace", namespace, "argoProject", project, "path", target + rel(base, k.dir()), "kustomize", true);
        }

        /** Every folder and file the kustomizations name, transitively, as paths from the source root. */
        private Set<String> closure(List<Kustomization> members, Map<String, Kustomization> byDir) {
            Set<String> closure = new TreeSet<>();
            List<Kustomization> queue = new ArrayList<>(members);
            while (!queue.isEmpty()) {
                Kustomization k = queue.remove(0);
                if (!closure.add(k.dir())) {
                    continue;
                }
                for (String path : resolved(k)) {
                    if (byDir.containsKey(path)) {
                        queue.add(byDir.get(path));
                    } else if (path.startsWith("../") || path.equals("..")) {
                        needsHuman.add("Kustomize folder '" + display(k.dir()) + "' names '" + path + "', outside the source; provide it.");
                    } else {
                        closure.add(path);
                    }
                }
            }
            return closure;
        }

        private List<String> resolved(Kustomization k) {
            return k.localPaths().stream().map(p -> normalize(join(k.dir(), p))).toList();
        }

        private void plainManifests(String patternName, List<Candidate> candidates) {
            Map<String, List<Manifest>> byFile = inventory.manifests().stream().filter(m -> m.origin() == Origin.PLAIN)
                    .collect(Collectors.groupingBy(Manifest::file, TreeMap::new, Collectors.toList()));
            Map<String, List<String>> byDir = new TreeMap<>();
            byFile.forEach((file, docs) -> {
                if (docs.stream().allMatch(m -> OLM_KINDS.contains(m.kind()) || isArgo(m))) {
                    return;
                }
                if (docs.stream().anyMatch(m -> OLM_KINDS.contains(m.kind()) || isArgo(m))) {
                    needsHuman.add(file + " mixes application objects with Subscriptions, Namespaces, Secrets or Argo CD objects; it was "
                            + "copied whole, remove the latter from the chart copy.");
                }
                byDir.computeIfAbsent(parent(file), d -> new ArrayList<>()).add(file);
            });
            byDir.forEach((dir, dirFiles) -> {
                Optional<ArgoApplication> argo = Optional.ofNullable(argoPaths.get(dir));
                candidates.add(new Candidate(argo.isPresent() ? "Argo CD Application (manifests)" : "plain manifests", dir,
                        site(dir).orElse(HUB), argo.isPresent() ? 0 : 3, signature(dirFiles::contains), () -> addManifests(patternName, dir, dirFiles, byFile, argo)));
            });
        }

        private void addManifests(String patternName, String dir, List<String> dirFiles, Map<String, List<Manifest>> byFile,
                                  Optional<ArgoApplication> argo) {
            Optional<String> site = site(dir);
            String group = site.orElse(HUB);
            boolean siteRoot = site.isPresent() && Names.sanitize(last(dir), "").equals(site.get());
            String name = argo.map(ArgoApplication::name).orElse(dir.isEmpty() || siteRoot ? patternName : last(dir));
            String key = freeKey(Names.sanitize(name, "manifests"), site.orElse("all"),
                    groups.containsKey(group) ? List.of(groups.get(group)) : List.of(), files);
            String target = "charts/" + site.orElse("all") + "/" + key;
            files.put(target + "/Chart.yaml", utf8(FrameworkFiles.wrapperChart(key, dir)));
            for (String file : dirFiles) {
                byte[] bytes = read(root, file);
                if (new String(bytes, StandardCharsets.UTF_8).contains("{{")) {
                    needsHuman.add(file + " contains '{{', which Helm would read as a template; escape it in " + target + "/templates.");
                }
                files.put(target + "/templates/" + last(file), bytes);
            }
            String namespace = argo.map(ArgoApplication::namespace)
                    .or(() -> commonNamespace(dirFiles.stream().flatMap(f -> byFile.get(f).stream()))).orElse(key);
            groups.computeIfAbsent(group, ClusterGroupPlan::new)
                    .application(key, map("name", key, "namespace", namespace, "argoProject", group, "path", target));
        }

        void subscriptions(List<Product> products) {
            for (Subscription s : inventory.subscriptions()) {
                boolean insideApp = inventory.manifests().stream()
                        .anyMatch(m -> m.file().equals(s.file()) && "Subscription".equals(m.kind()) && m.origin() != Origin.PLAIN);
                if (insideApp) {
                    notes.add("Subscription '" + s.packageName() + "' in " + s.file() + " is deployed by its chart or Kustomize app; "
                            + "it was not added to clusterGroup.subscriptions, so the two do not fight over it. Move it there if you prefer.");
                    continue;
                }
                if (s.packageName() == null) {
                    needsHuman.add("Subscription in " + s.file() + " has no spec.name; it was left out.");
                    continue;
                }
                Optional<String> placeholder = Stream.of(s.packageName(), s.channel(), s.source(), s.sourceNamespace(), s.namespace(),
                        s.startingCsv()).map(Placeholders::in).flatMap(Optional::stream).findFirst();
                if (placeholder.isPresent()) {
                    needsHuman.add("Subscription '" + s.packageName() + "' in " + s.file() + " holds the placeholder " + placeholder.get()
                            + ": which value does it stand for? It was left out of clusterGroup.subscriptions.");
                    continue;
                }
                String namespace = s.namespace() == null || s.namespace().equals("openshift-operators") ? null : s.namespace();
                Map<String, Object> sub = map("name", s.packageName(), "namespace", namespace, "channel", s.channel(),
                        "source", s.source(), "sourceNamespace", s.sourceNamespace(), "csv", s.startingCsv());
                for (ClusterGroupPlan group : groups.values()) {
                    group.subscriptions.put(Names.sanitize(s.packageName(), "operator"), sub);
                    if (namespace != null) {
                        group.namespace(namespace);
                    }
                }
                if (namespace != null && !ClusterGroupPlan.isPlatformNamespace(namespace)) {
                    needsHuman.add("Operator '" + s.packageName() + "' installs into namespace '" + namespace + "': the framework creates an "
                            + "OperatorGroup targeting that namespace only; set operatorGroup/targetNamespaces for it if the operator needs AllNamespaces.");
                }
            }
            products.stream().filter(p -> p.product() == null)
                    .forEach(p -> needsHuman.add("Operator package '" + p.packageName() + "' (" + p.file() + ") is not one the converter knows; check its catalog source and channel."));
        }

        /** Workload names and image repositories of the source files {@code owns} selects. */
        private Set<String> signature(Predicate<String> owns) {
            Set<String> signature = new TreeSet<>();
            inventory.manifests().stream().filter(m -> owns.test(m.file()) && WORKLOADS.contains(m.kind()) && m.name() != null
                    && !Placeholders.isPlaceholder(m.name())).forEach(m -> signature.add("workload:" + m.kind() + "/" + m.name()));
            inventory.facts().stream().filter(f -> f.type() == RuleType.CONTAINER_IMAGE && owns.test(f.file())
                    && !f.file().matches("(.*/)?(Dockerfile|Containerfile)[^/]*")).forEach(f -> signature.add("image:" + imageRepository(f.value())));
            return signature;
        }

        private boolean inThisRepository(String repoUrl) {
            return repoUrl == null || sourceUrl.map(u -> sameRepository(u, repoUrl)).orElse(true);
        }

        private boolean isFolder(String path) {
            String prefix = path.isEmpty() ? "" : path + "/";
            return inventory.files().stream().anyMatch(f -> f.startsWith(prefix));
        }

        private boolean holdsOnlyArgoObjects(String dir) {
            List<Manifest> inside = inventory.manifests().stream().filter(m -> parent(m.file()).equals(dir)).toList();
            return !inside.isEmpty() && inside.stream().allMatch(PatternBuilder::isArgo);
        }

        private void copyTree(String dir, String target) {
            String prefix = dir.isEmpty() ? "" : dir + "/";
            for (String file : inventory.files()) {
                if (file.startsWith(prefix)) {
                    files.put(target + "/" + file.substring(prefix.length()), read(root, file));
                }
            }
        }
    }

    private static boolean isArgo(Manifest m) {
        return m.apiVersion() != null && m.apiVersion().startsWith("argoproj.io/") && ARGO_KINDS.contains(m.kind());
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

    /**
     * The site a folder belongs to: the folder under sites/, clusters/ or regions/, or a folder named
     * site-*, cluster-*, region-*. Anything else (tests/smoke, prod, ...) is not a site.
     */
    static Optional<String> site(String dir) {
        Matcher m = SITE_DIR.matcher(dir);
        if (m.find()) {
            return Optional.of(Names.sanitize(m.group(1), "site"));
        }
        String last = last(dir);
        return SITE_NAME.matcher(last).matches() ? Optional.of(Names.sanitize(last, "site")) : Optional.empty();
    }

    /** Overlay names that mean an environment rather than a site, most production-like first. */
    private static final class Environments {
        static final List<String> NAMES = List.of("prod", "production", "stage", "staging", "qa", "test", "dev", "development", "local");

        static boolean isEnvironment(String name) {
            return NAMES.contains(name);
        }

        static int rank(String name) {
            return NAMES.indexOf(name);
        }
    }

    /** The key itself, or with a number appended when its folder under charts/<bucket> or its name in a group is taken. */
    private static String freeKey(String key, String bucket, Collection<ClusterGroupPlan> groups, SortedMap<String, byte[]> files) {
        String candidate = key;
        for (int n = 2; taken(candidate, bucket, groups, files); n++) {
            candidate = key + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(String key, String bucket, Collection<ClusterGroupPlan> groups, SortedMap<String, byte[]> files) {
        String prefix = "charts/" + bucket + "/" + key + "/";
        return files.keySet().stream().anyMatch(f -> f.startsWith(prefix)) || groups.stream().anyMatch(g -> g.applications.containsKey(key));
    }

    private static Optional<String> commonNamespace(Stream<Manifest> manifests) {
        return manifests.map(Manifest::namespace).filter(n -> n != null && n.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"))
                .collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The folder that holds a Kustomize app's base and overlays. */
    static String appRoot(String dir) {
        if (dir == null) {
            return "";
        }
        for (String marker : List.of("/overlays/", "/base/", "/bases/")) {
            int at = ("/" + dir + "/").indexOf(marker);
            if (at >= 0) {
                return at == 0 ? "" : dir.substring(0, at - 1);
            }
        }
        return dir;
    }

    private static void union(Map<String, String> parents, String a, String b) {
        parents.put(find(parents, a), find(parents, b));
    }

    private static String find(Map<String, String> parents, String x) {
        String p = parents.get(x);
        return p.equals(x) ? x : find(parents, p);
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
