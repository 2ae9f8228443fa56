package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.deploy.GitOpsLayer.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** infra/gitops against knative/ and README: what Argo CD would sync is what the rest of the repository describes. */
class GitOpsTest {

    private static final String SERVING = "serving.knative.dev";
    private static final String EVENTING = "eventing.knative.dev";
    private static final String WAVE = "argocd.argoproj.io/sync-wave";
    private static final Pattern CONFIG_ROW = Pattern.compile("^\\| `(ragfn\\.[a-z0-9.-]+)` \\|", Pattern.MULTILINE);
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|api-key|token|secret)$");

    private static Path root;
    private static GitOpsLayer layer;
    private static String readme;

    @BeforeAll
    static void load() throws IOException {
        root = Checkout.REPOSITORY.root();
        layer = GitOpsLayer.load(root);
        readme = Files.readString(root.resolve("README.md"));
    }

    @Test
    void should_name_only_paths_that_exist_when_the_application_and_its_kustomizations_are_read() {
        // given
        Path source = root.resolve(layer.application().path("spec").path("source").path("path").asText());

        // then
        assertThat(source.resolve("kustomization.yaml")).as("the Application's spec.source.path").isRegularFile();
        for (Kustomization kustomization : layer.kustomization().withIncluded()) {
            assertThat(kustomization.namedPaths()).as("paths named by %s", root.relativize(kustomization.dir()))
                    .isNotEmpty().allSatisfy(path -> assertThat(path).exists());
        }
    }

    @Test
    void should_name_the_missing_path_when_a_kustomization_names_one(@TempDir Path dir) throws IOException {
        // given
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - ../nowhere/overlay\n");

        // when / then
        assertThatThrownBy(() -> Kustomization.read(dir).manifestFiles())
                .hasMessageContaining("names ../nowhere/overlay, which does not exist");
    }

    @Test
    void should_build_every_manifest_of_knative_base_and_copy_none_when_the_gitops_kustomization_is_resolved() {
        // given
        Path base = Checkout.REPOSITORY.base();
        List<Path> baseFiles = Kustomization.read(base).resources().stream().map(f -> base.resolve(f).normalize()).toList();

        // when
        List<Path> built = layer.kustomization().manifestFiles();

        // then
        assertThat(layer.kustomization().withIncluded()).extracting(Kustomization::dir)
                .contains(root.resolve("knative/overlays/openshift").normalize());
        assertThat(built).containsAll(baseFiles).doesNotHaveDuplicates();
        assertThat(layer.resources()).filteredOn(r -> r.group().endsWith("knative.dev"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.file()).as("%s comes from knative/, not a copy", r)
                        .startsWith(root.resolve("knative").normalize()));
    }

    @Test
    void should_give_every_knative_service_the_config_map_and_secret_of_the_gitops_layer_when_services_are_built() {
        // given
        Manifest config = patchedConfigMap();
        List<Manifest> services = layer.ofKind(SERVING, "Service");
        assertThat(services).hasSize(Checkout.REPOSITORY.functionModules().size());

        for (Manifest service : services) {
            // when
            JsonNode envFrom = service.body().path("spec").path("template").path("spec").path("containers").path(0).path("envFrom");
            List<String> configMaps = new ArrayList<>();
            List<String> secrets = new ArrayList<>();
            envFrom.forEach(source -> {
                if (source.has("configMapRef")) {
                    configMaps.add(source.path("configMapRef").path("name").asText());
                }
                if (source.has("secretRef")) {
                    secrets.add(source.path("secretRef").path("name").asText());
                }
            });

            // then
            assertThat(configMaps).as("ConfigMaps of %s", service).containsExactly(config.name());
            assertThat(secrets).as("Secrets of %s", service).hasSize(1)
                    .allSatisfy(secret -> assertThat(gitOpsSection()).as("README's GitOps section names the Secret %s", secret)
                            .contains("Secret `" + secret + "`"));
        }
    }

    @Test
    void should_set_only_documented_ragfn_keys_and_no_secret_when_the_config_map_is_built() {
        // given
        Map<String, String> documented = new TreeMap<>();
        Matcher row = CONFIG_ROW.matcher(readme);
        while (row.find()) {
            documented.put(environmentName(row.group(1)), row.group(1));
        }
        assertThat(documented).as("rows of README's Configuration table").isNotEmpty();

        // when
        Set<String> keys = fields(patchedConfigMap().body().path("data")).keySet();

        // then
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(documented).as("%s is the environment form of a key in README's Configuration table", key).containsKey(key);
            assertThat(documented.get(key)).as("%s is a secret: it belongs in ragfn-secrets, not in Git", key).doesNotMatch(SECRET_KEY);
        });
    }

    @Test
    void should_document_each_value_the_gitops_layer_sets_when_readme_is_read() {
        // given
        Map<String, String> data = fields(endpointsPatch().path("data"));
        assertThat(data).isNotEmpty();

        // then
        List<String> rows = gitOpsSection().lines().filter(l -> l.startsWith("| `")).toList();
        data.forEach((key, value) -> assertThat(rows).as("README's GitOps table row of %s with its value", key)
                .anySatisfy(line -> assertThat(line).startsWith("| `" + key + "` |").contains("| `" + value + "` |")));
    }

    @Test
    void should_check_tokens_of_an_https_issuer_in_every_function_when_the_gitops_config_is_built() {
        // when
        Map<String, String> data = fields(patchedConfigMap().body().path("data"));

        // then
        assertThat(data).containsEntry("RAGFN_AUTH_MODE", "oidc").containsKey("RAGFN_AUTH_AUDIENCE");
        assertThat(URI.create(data.get("RAGFN_AUTH_ISSUER")).getScheme()).as("RAGFN_AUTH_ISSUER").isEqualTo("https");
    }

    @Test
    void should_select_at_least_one_resource_with_every_patch_when_the_layer_is_built() {
        assertThat(layer.patches()).isNotEmpty().allSatisfy(applied -> assertThat(applied.matched())
                .as("resources selected by the patch with target %s", applied.patch().target()).isNotEmpty());
    }

    @Test
    void should_sync_config_and_eventing_before_services_and_services_before_routes_when_waves_are_read() {
        // given
        List<Manifest> services = layer.ofKind(SERVING, "Service");
        List<Manifest> before = new ArrayList<>(layer.ofKind("", "ConfigMap"));
        before.addAll(layer.ofKind(EVENTING, "Broker"));
        before.addAll(layer.ofKind("messaging.knative.dev", "Channel"));
        before.addAll(layer.ofKind("apps", "StatefulSet"));
        List<Manifest> after = new ArrayList<>(layer.ofKind(EVENTING, "Trigger"));
        after.addAll(layer.ofKind("sources.knative.dev", "PingSource"));
        assertThat(before).extracting(Manifest::kind).contains("ConfigMap", "Broker", "Channel");
        assertThat(after).extracting(Manifest::kind).contains("Trigger", "PingSource");

        // then
        assertThat(layer.resources()).allSatisfy(r -> assertThat(r.annotation(WAVE)).as("sync wave of %s", r).matches("-?[0-9]+"));
        int firstService = services.stream().mapToInt(GitOpsTest::wave).min().orElseThrow();
        int lastService = services.stream().mapToInt(GitOpsTest::wave).max().orElseThrow();
        assertThat(before).allSatisfy(r -> assertThat(wave(r)).as("wave of %s", r).isLessThan(firstService));
        assertThat(after).allSatisfy(r -> assertThat(wave(r)).as("wave of %s", r).isGreaterThan(lastService));
    }

    @Test
    void should_sync_automatically_with_prune_self_heal_and_create_namespace_when_the_application_is_read() {
        // given
        JsonNode app = layer.application();
        JsonNode spec = app.path("spec");
        List<String> namespaces = layer.kustomization().withIncluded().stream().flatMap(k -> k.namespace().stream()).toList();

        // then
        assertThat(app.path("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
        assertThat(app.path("kind").asText()).isEqualTo("Application");
        assertThat(app.path("metadata").path("name").asText()).isNotBlank();
        assertThat(app.path("metadata").path("namespace").asText()).isEqualTo("openshift-gitops");
        assertThat(spec.path("project").asText()).isNotBlank();
        assertThat(URI.create(spec.path("source").path("repoURL").asText()).getScheme()).isIn("https", "ssh");
        assertThat(spec.path("source").path("targetRevision").asText()).isNotBlank();
        assertThat(spec.path("destination").path("server").asText(spec.path("destination").path("name").asText())).isNotBlank();
        assertThat(namespaces).as("namespaces the kustomizations set").isNotEmpty()
                .containsOnly(spec.path("destination").path("namespace").asText());
        assertThat(spec.path("syncPolicy").path("automated").path("prune").asBoolean()).isTrue();
        assertThat(spec.path("syncPolicy").path("automated").path("selfHeal").asBoolean()).isTrue();
        assertThat(Yaml.strings(spec.path("syncPolicy").path("syncOptions"))).contains("CreateNamespace=true");
        assertThat(spec.path("syncPolicy").path("managedNamespaceMetadata").path("labels").path("argocd.argoproj.io/managed-by").asText())
                .as("the default OpenShift GitOps instance manages only namespaces labelled for it")
                .isEqualTo(app.path("metadata").path("namespace").asText());
    }

    @Test
    void should_serve_opensearch_at_the_configured_url_when_the_in_cluster_component_is_used() {
        // given
        URI url = URI.create(fields(patchedConfigMap().body().path("data")).get("RAGFN_OPENSEARCH_URL"));
        List<Manifest> services = layer.ofKind("", "Service").stream().filter(s -> s.name().equals(url.getHost())).toList();
        assumeThat(services).as("no in-cluster Service %s: OpenSearch is external", url.getHost()).isNotEmpty();
        JsonNode service = services.getFirst().body().path("spec");

        // then
        List<Integer> ports = new ArrayList<>();
        service.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        assertThat(ports).contains(url.getPort());
        Map<String, String> selector = fields(service.path("selector"));
        assertThat(layer.ofKind("apps", "StatefulSet")).anySatisfy(set -> {
            JsonNode pod = set.body().path("spec").path("template");
            assertThat(fields(pod.path("metadata").path("labels"))).containsAllEntriesOf(selector);
            assertThat(pod.path("spec").path("containers").path(0).path("image").asText()).contains("opensearch");
        });
    }

    @Test
    void should_build_the_resources_waves_and_config_that_kustomize_builds_when_kubectl_is_installed() throws Exception {
        // given: kustomize itself, where kubectl (which embeds it) is installed
        assumeThat(kubectl("version", "--client")).as("kubectl on PATH").isPresent();

        // when
        String built = kubectl("kustomize", layer.kustomization().dir().toString()).orElseThrow();

        // then
        List<JsonNode> kustomized = Yaml.documents(built, "kubectl kustomize output");
        assertThat(summary(layer.resources().stream().map(Manifest::body).toList())).isEqualTo(summary(kustomized));
    }

    /** Kind and name of each resource, with its sync wave and (for a ConfigMap) its data: what this test's resolver models. */
    private static Map<String, String> summary(List<? extends JsonNode> resources) {
        Map<String, String> summary = new TreeMap<>();
        resources.forEach(r -> summary.put(r.path("kind").asText() + "/" + r.path("metadata").path("name").asText(),
                r.path("metadata").path("annotations").path(WAVE).asText() + " " + fields(r.path("data"))));
        return summary;
    }

    /** The output of a kubectl command, or empty where kubectl is not installed. */
    private static Optional<String> kubectl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 60 s");
        }
        assertThat(process.exitValue()).as("%s exit code", command).isZero();
        return Optional.of(out);
    }

    private static int wave(Manifest resource) {
        return Integer.parseInt(resource.annotation(WAVE));
    }

    /** The one ConfigMap whose data the GitOps layer's patches change. */
    private static Manifest patchedConfigMap() {
        List<Manifest> patched = layer.patches().stream()
                .filter(p -> p.patch().path().isPresent())
                .flatMap(p -> p.matched().stream())
                .filter(r -> r.kind().equals("ConfigMap"))
                .distinct().toList();
        assertThat(patched).as("ConfigMaps the GitOps layer patches from a file").hasSize(1);
        return patched.getFirst();
    }

    private static JsonNode endpointsPatch() {
        Kustomization.Patch patch = layer.patches().stream().map(GitOpsLayer.Applied::patch)
                .filter(p -> p.path().isPresent()).findFirst().orElseThrow();
        return Yaml.documents(layer.kustomization().dir().resolve(patch.path().get())).getFirst();
    }

    private static String gitOpsSection() {
        int start = readme.indexOf("## GitOps (OpenShift GitOps / Argo CD)\n");
        assertThat(start).as("README's GitOps section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** README: upper case, dots and dashes as underscores. */
    private static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new TreeMap<>();
        object.properties().forEach(f -> fields.put(f.getKey(), f.getValue().asText()));
        return fields;
    }
}
