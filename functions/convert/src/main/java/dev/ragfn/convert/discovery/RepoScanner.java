package dev.ragfn.convert.discovery;

import dev.ragfn.convert.discovery.Inventory.ArgoApplication;
import dev.ragfn.convert.discovery.Inventory.Chart;
import dev.ragfn.convert.discovery.Inventory.Csv;
import dev.ragfn.convert.discovery.Inventory.Dependency;
import dev.ragfn.convert.discovery.Inventory.Kustomization;
import dev.ragfn.convert.discovery.Inventory.Manifest;
import dev.ragfn.convert.discovery.Inventory.Origin;
import dev.ragfn.convert.discovery.Inventory.Subscription;
import dev.ragfn.convert.rules.Fact;
import dev.ragfn.convert.rules.RuleType;
import dev.ragfn.convert.rules.RulesEngine.TextFile;
import dev.ragfn.convert.source.RepoWalker.RepoFile;
import dev.ragfn.convert.source.SourceLimits;
import dev.ragfn.convert.yaml.SafeYaml;
import dev.ragfn.convert.yaml.SafeYaml.YamlSyntaxException;
import dev.ragfn.core.error.InvalidInputException;

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
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a source holds: Helm charts (nested ones too), Kustomize folders, plain manifests,
 * operator Subscriptions and CSVs, container images, secrets, build files and languages, and turns
 * them into {@link Fact}s for the rules. Nothing is executed: Helm templates are read with their
 * directives blanked out ({@link HelmTemplates}), build files are read as text.
 */
public final class RepoScanner {

    private static final Set<String> KUSTOMIZE_FILES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("java", "Java"), Map.entry("kt", "Kotlin"), Map.entry("py", "Python"), Map.entry("go", "Go"),
            Map.entry("js", "JavaScript"), Map.entry("ts", "TypeScript"), Map.entry("rs", "Rust"), Map.entry("rb", "Ruby"),
            Map.entry("cs", "C#"), Map.entry("scala", "Scala"), Map.entry("sh", "Shell"), Map.entry("cpp", "C++"),
            Map.entry("c", "C"), Map.entry("php", "PHP"));
    private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)");
    private static final Pattern TEXT_KIND = Pattern.compile("(?m)^kind:\\s*([A-Za-z]+)");
    private static final Pattern TEXT_IMAGE = Pattern.compile("(?m)^\\s*-?\\s*image:\\s*[\"']?([^\"'\\s]+)");
    /** Folders of CI and editor configuration: their YAML runs builds, it is not the application. */
    private static final Pattern CI_DIR = Pattern.compile("(?:^|/)\\.(?:github|gitlab|circleci|tekton|devcontainer|vscode)/");
    /** API groups of Kubernetes itself without a dot; any other group without a dot (skaffold/v4, ...) is a tool's config. */
    private static final Set<String> CORE_GROUPS = Set.of("apps", "batch", "autoscaling", "policy", "extensions");

    private final SourceLimits limits;

    public RepoScanner(SourceLimits limits) {
        this.limits = limits;
    }

    public Inventory scan(Path root, List<RepoFile> files) {
        return new Scan(root, files).run();
    }

    private final class Scan {
        private final Path root;
        private final List<RepoFile> files;
        private final Map<String, String> texts = new LinkedHashMap<>();
        private final List<Chart> charts = new ArrayList<>();
        private final List<Kustomization> kustomizations = new ArrayList<>();
        private final List<Manifest> manifests = new ArrayList<>();
        private final List<Subscription> subscriptions = new ArrayList<>();
        private final List<Csv> csvs = new ArrayList<>();
        private final List<ArgoApplication> argoApplications = new ArrayList<>();
        private final SortedSet<String> images = new TreeSet<>();
        private final List<Inventory.BuildFile> buildFiles = new ArrayList<>();
        private final SortedMap<String, Integer> languages = new TreeMap<>();
        private final SortedMap<String, SortedSet<String>> secrets = new TreeMap<>();
        private final List<Fact> facts = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Scan(Path root, List<RepoFile> files) {
            this.root = root;
            this.files = files;
        }

        Inventory run() {
            readTexts();
            for (RepoFile f : files) {
                facts.add(new Fact(RuleType.FILE_PRESENT, null, f.path(), f.path(), 0));
                extension(f.path()).map(LANGUAGES::get).ifPresent(l -> languages.merge(l, 1, Integer::sum));
            }
            texts.forEach((path, text) -> {
                if (fileName(path).equals("Chart.yaml")) {
                    chart(path, text);
                } else if (KUSTOMIZE_FILES.contains(fileName(path))) {
                    kustomization(path, text);
                }
            });
            resolveChartParents();
            texts.forEach(this::classify);
            List<TextFile> textFiles = texts.entrySet().stream()
                    .map(e -> new TextFile(e.getKey(), e.getValue().lines().toList())).toList();
            return new Inventory(files.stream().map(RepoFile::path).toList(), List.copyOf(charts), List.copyOf(kustomizations),
                    List.copyOf(manifests), List.copyOf(subscriptions), List.copyOf(csvs), List.copyOf(argoApplications), images,
                    List.copyOf(buildFiles), languages, secrets, List.copyOf(facts), textFiles, List.copyOf(warnings));
        }

        private void readTexts() {
            for (RepoFile f : files) {
                if (f.size() > limits.maxFileBytes()) {
                    warnings.add("Not analysed (larger than " + limits.maxFileBytes() + " bytes): " + f.path());
                    continue;
                }
                try {
                    byte[] bytes = Files.readAllBytes(root.resolve(f.path()));
                    if (!isBinary(bytes)) {
                        texts.put(f.path(), new String(bytes, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Failed to read source file " + f.path(), e);
                }
            }
        }

        private void chart(String path, String text) {
            String dir = parent(path);
            Map<?, ?> doc = asMap(parseOne(path, text));
            if (doc == null) {
                return;
            }
            List<Dependency> deps = new ArrayList<>(dependencies(doc.get("dependencies")));
            String requirements = texts.get(join(dir, "requirements.yaml"));
            if (requirements != null && asMap(parseOne(join(dir, "requirements.yaml"), requirements)) instanceof Map<?, ?> req) {
                deps.addAll(dependencies(req.get("dependencies")));
            }
            for (Dependency d : deps) {
                facts.add(new Fact(RuleType.CHART_DEPENDENCY, d.repository(), d.name(), path, lineOf(text, d.name())));
            }
            charts.add(new Chart(dir, str(doc.get("name"), fileName(dir)), str(doc.get("version"), "0.1.0"), null, List.copyOf(deps)));
        }

        /** A chart under another chart's charts/ folder is a subchart: it is deployed with its parent. */
        private void resolveChartParents() {
            List<Chart> withParents = charts.stream().map(c -> new Chart(c.dir(), c.name(), c.version(), parentChart(c.dir()),
                    c.dependencies())).toList();
            charts.clear();
            charts.addAll(withParents);
        }

        private String parentChart(String dir) {
            return charts.stream().map(Chart::dir)
                    .filter(d -> !d.equals(dir) && dir.startsWith(d.isEmpty() ? "charts/" : d + "/charts/"))
                    .max(Comparator.comparingInt(String::length)).orElse(null);
        }

        private void kustomization(String path, String text) {
            Map<?, ?> doc = asMap(parseOne(path, text));
            if (doc == null) {
                return;
            }
            List<String> resources = new ArrayList<>();
            for (String field : List.of("resources", "bases", "components")) {
                if (doc.get(field) instanceof List<?> l) {
                    l.forEach(r -> resources.add(String.valueOf(r)));
                }
            }
            List<String> localPaths = new ArrayList<>(resources);
            kustomizeFiles(doc, localPaths);
            localPaths.removeIf(RepoScanner::isRemote);
            boolean component = "Component".equals(doc.get("kind"));
            boolean builds = !resources.isEmpty() || doc.get("helmCharts") != null || doc.get("configMapGenerator") != null
                    || doc.get("secretGenerator") != null;
            boolean overlay = resources.stream().anyMatch(r -> r.startsWith("../")) || path.contains("/overlays/")
                    || path.startsWith("overlays/");
            if (doc.get("images") instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> m) {
                        String image = str(m.get("newName"), str(m.get("name"), null));
                        if (image != null) {
                            image(image + (m.get("newTag") != null ? ":" + m.get("newTag") : ""), path, text);
                        }
                    }
                }
            }
            String namespace = str(doc.get("namespace"), null);
            if (Placeholders.isPlaceholder(namespace)) {
                question(path, "namespace", namespace);
                namespace = null;
            }
            kustomizations.add(new Kustomization(parent(path), List.copyOf(resources), namespace, overlay, List.copyOf(localPaths),
                    component, !builds));
        }

        private void classify(String path, String text) {
            String name = fileName(path);
            Optional<Chart> chart = owningChart(path);
            String ecosystem = BuildFiles.ecosystem(name);
            if (ecosystem != null) {
                buildFile(path, name, ecosystem, text);
            } else if (name.matches("(Dockerfile|Containerfile)(\\..+)?|.+\\.(Dockerfile|Containerfile)")) {
                Matcher m = FROM.matcher(text);
                while (m.find()) {
                    if (!m.group(1).contains("$")) {
                        image(m.group(1), path, text);
                    }
                }
            }
            if (!name.endsWith(".yaml") && !name.endsWith(".yml") || name.equals("Chart.yaml")
                    || name.equals("requirements.yaml") || KUSTOMIZE_FILES.contains(name) || CI_DIR.matcher(path).find()) {
                return;
            }
            if (chart.isPresent()) {
                String dir = chart.get().dir();
                String rel = dir.isEmpty() ? path : path.substring(dir.length() + 1);
                if (rel.startsWith("templates/")) {
                    String stripped = HelmTemplates.strip(text);
                    try {
                        manifests(path, text, SafeYaml.loadAll(stripped, path), Origin.HELM, dir);
                    } catch (YamlSyntaxException e) {
                        warnings.add("Helm template " + path + " could not be read as YAML with its directives removed; scanned as text");
                        scanAsText(path, text, dir);
                    } catch (InvalidInputException e) {
                        skipped(e);
                    }
                } else if (rel.matches("values[^/]*\\.ya?ml")) {
                    Object values = parseOne(path, text);
                    valuesImages(values, path, text);
                    resourceRequests(values, path, text, true);
                }
                return;
            }
            List<Object> docs;
            try {
                docs = SafeYaml.loadAll(text, path);
            } catch (YamlSyntaxException e) {
                warnings.add(e.getMessage());
                return;
            } catch (InvalidInputException e) {
                skipped(e);
                return;
            }
            Optional<String> kustomize = kustomizations.stream().map(Kustomization::dir)
                    .filter(d -> d.isEmpty() || path.startsWith(d + "/")).max(Comparator.comparingInt(String::length));
            manifests(path, text, docs, kustomize.isPresent() ? Origin.KUSTOMIZE : Origin.PLAIN, kustomize.orElse(null));
        }

        private Optional<Chart> owningChart(String path) {
            return charts.stream().filter(c -> c.dir().isEmpty() || path.startsWith(c.dir() + "/"))
                    .max(Comparator.comparingInt(c -> c.dir().length()));
        }

        private void manifests(String path, String text, List<Object> docs, Origin origin, String owner) {
            for (Object d : docs) {
                if (!(d instanceof Map<?, ?> doc) || doc.get("kind") == null || doc.get("apiVersion") == null) {
                    continue;
                }
                String kind = String.valueOf(doc.get("kind"));
                String apiVersion = String.valueOf(doc.get("apiVersion"));
                if (!isClusterObject(apiVersion, kind)) {
                    continue;
                }
                Map<?, ?> metadata = asMap(doc.get("metadata"));
                String name = metadata == null ? null : str(metadata.get("name"), null);
                String namespace = metadata == null ? null : str(metadata.get("namespace"), null);
                if (Placeholders.isPlaceholder(namespace) && origin != Origin.HELM) {
                    question(path, "namespace of " + kind + " '" + name + "'", namespace);
                }
                manifests.add(new Manifest(path, apiVersion, kind, name, namespace, origin, owner));
                facts.add(new Fact(RuleType.KUBERNETES_KIND, null, kind, path, lineOf(text, "kind: " + kind)));
                facts.add(new Fact(RuleType.API_VERSION, null, apiVersion, path, lineOf(text, apiVersion)));
                Map<?, ?> spec = asMap(doc.get("spec"));
                if (apiVersion.startsWith("operators.coreos.com/") && kind.equals("Subscription") && spec != null) {
                    subscriptions.add(new Subscription(path, str(spec.get("name"), name), str(spec.get("channel"), null),
                            str(spec.get("source"), null), str(spec.get("sourceNamespace"), null), namespace,
                            str(spec.get("startingCSV"), null)));
                } else if (kind.equals("ClusterServiceVersion") && spec != null) {
                    csvs.add(new Csv(path, name, str(spec.get("version"), null), str(spec.get("displayName"), null)));
                } else if (kind.equals("Secret") && apiVersion.equals("v1")) {
                    List<String> keys = new ArrayList<>();
                    for (String field : List.of("data", "stringData")) {
                        if (doc.get(field) instanceof Map<?, ?> m) {
                            m.keySet().forEach(k -> keys.add(String.valueOf(k)));
                        }
                    }
                    secret(name == null ? "unnamed" : name, keys, path);
                } else if (kind.equals("Application") && apiVersion.startsWith("argoproj.io/") && spec != null) {
                    argoApplication(path, name, spec);
                }
                walk(doc, path, text);
            }
        }

        /** Images, env vars, ports, labels and annotations anywhere in an object. */
        private void walk(Object node, String path, String text) {
            if (node instanceof Map<?, ?> m) {
                if (m.get("image") instanceof String image) {
                    image(image, path, text);
                }
                if (m.get("metadata") instanceof Map<?, ?> meta) {
                    keyValues(meta.get("labels"), RuleType.LABEL, path, text);
                    keyValues(meta.get("annotations"), RuleType.ANNOTATION, path, text);
                }
                if (m.get("env") instanceof List<?> env) {
                    env.forEach(e -> envVar(e, path, text));
                }
                if (m.get("envFrom") instanceof List<?> envFrom) {
                    for (Object e : envFrom) {
                        if (asMap(e) != null && asMap(asMap(e).get("secretRef")) instanceof Map<?, ?> ref && ref.get("name") != null) {
                            secret(String.valueOf(ref.get("name")), List.of(), path);
                        }
                    }
                }
                if (m.get("ports") instanceof List<?> ports) {
                    for (Object p : ports) {
                        Object port = p instanceof Map<?, ?> pm ? portNumber(pm) : p;
                        if (port != null && !HelmTemplates.isTemplated(String.valueOf(port))) {
                            facts.add(new Fact(RuleType.PORT, null, String.valueOf(port), path, lineOf(text, String.valueOf(port))));
                        }
                    }
                }
                resourceRequests(m, path, text, false);
                m.values().forEach(v -> walk(v, path, text));
            } else if (node instanceof List<?> l) {
                l.forEach(v -> walk(v, path, text));
            }
        }

        private void envVar(Object e, String path, String text) {
            if (!(e instanceof Map<?, ?> m) || m.get("name") == null) {
                return;
            }
            String name = String.valueOf(m.get("name"));
            String value = m.get("value") == null ? null : String.valueOf(m.get("value"));
            if (asMap(m.get("valueFrom")) instanceof Map<?, ?> from) {
                if (asMap(from.get("secretKeyRef")) instanceof Map<?, ?> ref && ref.get("name") != null) {
                    String secret = String.valueOf(ref.get("name"));
                    String key = str(ref.get("key"), name);
                    secret(secret, List.of(key), path);
                    value = "secret:" + secret + "/" + key;
                } else if (asMap(from.get("configMapKeyRef")) instanceof Map<?, ?> ref) {
                    value = "configmap:" + ref.get("name") + "/" + ref.get("key");
                }
            }
            facts.add(new Fact(RuleType.ENV_VAR, name, value, path, lineOf(text, name)));
        }

        private void keyValues(Object map, RuleType type, String path, String text) {
            if (map instanceof Map<?, ?> m) {
                m.forEach((k, v) -> facts.add(new Fact(type, String.valueOf(k), v == null ? null : String.valueOf(v), path,
                        lineOf(text, String.valueOf(k)))));
            }
        }

        private void valuesImages(Object node, String path, String text) {
            if (node instanceof Map<?, ?> m) {
                if (m.get("repository") instanceof String repo && !repo.isBlank() && !(m.get("repository") instanceof Map)) {
                    String registry = m.get("registry") instanceof String r && !r.isBlank() ? r + "/" : "";
                    String tag = m.get("tag") == null || String.valueOf(m.get("tag")).isBlank() ? "" : ":" + m.get("tag");
                    image(registry + repo + tag, path, text);
                } else if (m.get("image") instanceof String image && !image.isBlank()) {
                    image(image, path, text);
                }
                m.values().forEach(v -> valuesImages(v, path, text));
            } else if (node instanceof List<?> l) {
                l.forEach(v -> valuesImages(v, path, text));
            }
        }

        private void image(String image, String path, String text) {
            if (HelmTemplates.isTemplated(image) || image.isBlank()) {
                return;
            }
            images.add(image);
            String needle = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
            facts.add(new Fact(RuleType.CONTAINER_IMAGE, null, image, path, lineOf(text, needle)));
        }

        private void scanAsText(String path, String text, String owner) {
            Matcher kind = TEXT_KIND.matcher(text);
            while (kind.find()) {
                facts.add(new Fact(RuleType.KUBERNETES_KIND, null, kind.group(1), path, lineAt(text, kind.start())));
                manifests.add(new Manifest(path, null, kind.group(1), null, null, Origin.HELM, owner));
            }
            Matcher image = TEXT_IMAGE.matcher(text);
            while (image.find()) {
                if (!image.group(1).contains("{{")) {
                    image(image.group(1), path, text);
                }
            }
        }

        /** A Secret the source uses; one named by a placeholder is asked about instead of being carried over. */
        private void secret(String name, List<String> keys, String path) {
            if (Placeholders.isPlaceholder(name)) {
                question(path, "Secret name", name);
                return;
            }
            SortedSet<String> known = secrets.computeIfAbsent(name, k -> new TreeSet<>());
            for (String key : keys) {
                if (Placeholders.isPlaceholder(key)) {
                    question(path, "key of Secret '" + name + "'", key);
                } else {
                    known.add(key);
                }
            }
        }

        private void question(String path, String what, String value) {
            String placeholder = Placeholders.in(value).orElse(value);
            String shown = HelmTemplates.isTemplated(placeholder) ? "{{ ... }} (a Helm template expression)" : placeholder;
            String question = "Placeholder " + shown + " as " + what + " in " + path + ": which value does it stand for? It was not "
                    + "used as a name.";
            if (!warnings.contains(question)) {
                warnings.add(question);
            }
        }

        private void skipped(InvalidInputException e) {
            warnings.add("Skipped: " + e.getMessage() + " (the rest of the source was converted)");
        }

        /** Extended resources (GPUs) under resources.limits/requests, in a manifest or a Helm values file. */
        private void resourceRequests(Object node, String path, String text, boolean deep) {
            if (node instanceof Map<?, ?> m) {
                if (asMap(m.get("resources")) instanceof Map<?, ?> resources) {
                    for (String bound : List.of("limits", "requests")) {
                        if (asMap(resources.get(bound)) instanceof Map<?, ?> quantities) {
                            quantities.forEach((k, v) -> facts.add(new Fact(RuleType.RESOURCE_REQUEST, String.valueOf(k),
                                    String.valueOf(v), path, lineOf(text, String.valueOf(k)))));
                        }
                    }
                }
                if (deep) {
                    m.values().forEach(v -> resourceRequests(v, path, text, true));
                }
            } else if (node instanceof List<?> l && deep) {
                l.forEach(v -> resourceRequests(v, path, text, true));
            }
        }

        private void argoApplication(String path, String name, Map<?, ?> spec) {
            Map<?, ?> source = asMap(spec.get("source"));
            if (source == null && spec.get("sources") instanceof List<?> sources && !sources.isEmpty()) {
                source = asMap(sources.get(0));
            }
            Map<?, ?> destination = asMap(spec.get("destination"));
            if (source == null) {
                warnings.add("Argo CD Application '" + name + "' in " + path + " has no source; it was left out.");
                return;
            }
            argoApplications.add(new ArgoApplication(path, name, str(source.get("repoURL"), null), str(source.get("path"), null),
                    str(source.get("chart"), null), str(source.get("targetRevision"), null),
                    destination == null ? null : str(destination.get("namespace"), null)));
        }

        private void buildFile(String path, String name, String ecosystem, String text) {
            List<String> deps = BuildFiles.dependencies(name, text);
            if (deps == null) {
                warnings.add("Build file " + path + " could not be read");
                return;
            }
            buildFiles.add(new Inventory.BuildFile(path, ecosystem, deps));
            for (String dep : deps) {
                String needle = dep.contains(":") ? dep.substring(dep.indexOf(':') + 1) : dep;
                facts.add(new Fact(RuleType.BUILD_DEPENDENCY, ecosystem, dep, path, lineOf(text, needle)));
            }
        }

        private Object parseOne(String path, String text) {
            try {
                return SafeYaml.load(text, path);
            } catch (YamlSyntaxException e) {
                warnings.add(e.getMessage());
                return null;
            } catch (InvalidInputException e) {
                skipped(e);
                return null;
            }
        }
    }

    private static List<Dependency> dependencies(Object list) {
        List<Dependency> deps = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("name") != null) {
                    deps.add(new Dependency(String.valueOf(m.get("name")), str(m.get("version"), null), str(m.get("repository"), null)));
                }
            }
        }
        return deps;
    }

    /** A NetworkPolicy port may name only a protocol, an Istio ServiceEntry port has a number: any of them, or null. */
    private static Object portNumber(Map<?, ?> port) {
        for (String field : List.of("containerPort", "port", "number", "targetPort")) {
            if (port.get(field) != null) {
                return port.get(field);
            }
        }
        return null;
    }

    /** An object a cluster accepts: core v1 (but not a kubeconfig), a Kubernetes group, or a group named by a domain. */
    static boolean isClusterObject(String apiVersion, String kind) {
        if (apiVersion.equals("v1")) {
            return !kind.equals("Config");
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : apiVersion;
        return (group.contains(".") || CORE_GROUPS.contains(group)) && !group.equals("kustomize.config.k8s.io");
    }

    /** Files a kustomization names besides its resources: patches, generator inputs, CRDs, configurations. */
    private static void kustomizeFiles(Map<?, ?> doc, List<String> paths) {
        for (String field : List.of("patches", "patchesStrategicMerge", "patchesJson6902", "crds", "configurations", "transformers",
                "generators", "validators")) {
            if (doc.get(field) instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof String p) {
                        paths.add(p);
                    } else if (o instanceof Map<?, ?> m && m.get("path") instanceof String p) {
                        paths.add(p);
                    }
                }
            }
        }
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            if (doc.get(field) instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> m) {
                        for (String source : List.of("files", "envs")) {
                            if (m.get(source) instanceof List<?> files) {
                                files.forEach(f -> paths.add(String.valueOf(f).replaceFirst("^[^=]*=", "")));
                            }
                        }
                        if (m.get("env") instanceof String env) {
                            paths.add(env);
                        }
                    }
                }
            }
        }
    }

    private static boolean isRemote(String path) {
        return path.matches("^[a-z][a-z0-9+.-]*://.*") || path.startsWith("github.com/") || path.startsWith("git@")
                || path.contains("?ref=");
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static int lineOf(String text, String needle) {
        int at = needle == null || needle.isEmpty() ? -1 : text.indexOf(needle);
        return at < 0 ? 0 : lineAt(text, at);
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Map<?, ?> asMap(Object o) {
        return o instanceof Map<?, ?> m ? m : null;
    }

    private static String str(Object o, String fallback) {
        return o == null ? fallback : String.valueOf(o);
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static Optional<String> extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? Optional.empty() : Optional.of(name.substring(dot + 1));
    }
}
