package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.knative.serving.v1.Service;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The images the deploy files name: knative/base's Services, renamed by the kustomize {@code images:} entries of
 * knative/overlays/openshift and infra/gitops/ragfn, must be the images the OpenShift build pipeline
 * (infra/gitops/build) pushes. kustomize ignores an entry that matches no image, so a typo would leave a Service on
 * an image nobody builds; each entry must match.
 */
class ImageReferencesTest {

    private static final Path ROOT = Checkout.REPOSITORY.root();
    /** From the innermost layer out: each renames what the one before it left. */
    private static final List<String> LAYERS = List.of("knative/overlays/openshift", "infra/gitops/ragfn");
    private static final Pattern PARAM_REFERENCE = Pattern.compile("\\$\\(params\\.([a-z-]+)\\)");

    @Test
    void should_match_an_image_of_the_layer_below_with_every_images_entry_when_the_kustomizations_are_read() {
        // given: the images knative/base names, by function
        Map<String, String> images = baseImages();

        for (String layer : LAYERS) {
            // when
            List<JsonNode> entries = imageEntries(layer);
            Set<String> names = new TreeSet<>();
            images.values().forEach(i -> names.add(nameOf(i)));

            // then
            assertThat(entries).as("images: of %s", layer).isNotEmpty()
                    .allSatisfy(e -> assertThat(names).as("images %s renames", layer).contains(e.path("name").asText()));
            images = rename(images, entries);
        }
        assertThat(images.values()).as("images after infra/gitops/ragfn")
                .allMatch(i -> i.startsWith("image-registry.openshift-image-registry.svc:5000/ragfn/ragfn-"));
    }

    @Test
    void should_deploy_exactly_the_images_the_pipeline_pushes_when_the_gitops_layer_is_resolved() {
        // given
        JsonNode pipeline = pipeline();
        Map<String, String> params = paramDefaults(pipeline);
        String namespace = Kustomization.read(ROOT.resolve("infra/gitops/build")).namespace().orElseThrow();

        // when: the pipeline pushes <registry>/<namespace of the run>/<application name of the module>:<tag>
        Map<String, String> pushed = new TreeMap<>();
        for (String module : params.get("modules").split(",")) {
            String function = module.substring("functions/".length());
            pushed.put(function, params.get("registry") + "/" + namespace + "/" + applicationName(module) + ":" + params.get("tag"));
        }
        Map<String, String> deployed = baseImages();
        for (String layer : LAYERS) {
            deployed = rename(deployed, imageEntries(layer));
        }

        // then
        assertThat(pushed).isEqualTo(deployed);
        assertThat(pushed.keySet()).containsExactlyInAnyOrderElementsOf(Checkout.REPOSITORY.functionModules());
    }

    @Test
    void should_push_with_the_images_profile_and_the_run_s_token_when_the_pipeline_builds() {
        // given
        JsonNode pipeline = pipeline();
        JsonNode build = task(pipeline, "build-and-push");
        String script = build.path("taskSpec").path("steps").path(0).path("script").asText();

        // then: the Maven images profile pushes, the token comes from the environment, never from the command line
        assertThat(script).contains("./mvnw ", "-Pimages", "-Dquarkus.container-image.push=true",
                "-pl \"$(params.modules)\" -am", "-Dquarkus.container-image.group=\"$NAMESPACE\"");
        assertThat(script).contains("export QUARKUS_CONTAINER_IMAGE_PASSWORD").doesNotContain("container-image.password=");
        assertThat(task(pipeline, "fetch").path("runAfter")).isEmpty();
        assertThat(strings(build.path("runAfter"))).containsExactly("fetch");
        // every parameter a task passes on is one the pipeline declares, and every workspace one it has
        Set<String> declared = paramDefaults(pipeline).keySet();
        Matcher references = PARAM_REFERENCE.matcher(pipeline.path("spec").path("tasks").toString());
        while (references.find()) {
            assertThat(declared).contains(references.group(1));
        }
        Set<String> workspaces = new TreeSet<>();
        pipeline.path("spec").path("workspaces").forEach(w -> workspaces.add(w.path("name").asText()));
        pipeline.path("spec").path("tasks").forEach(t -> t.path("workspaces")
                .forEach(w -> assertThat(workspaces).contains(w.path("workspace").asText())));
        // the volume of the service CA is the ConfigMap that OpenShift fills
        JsonNode configMap = Yaml.documents(ROOT.resolve("infra/gitops/build/service-ca.yaml")).getFirst();
        assertThat(build.path("taskSpec").path("volumes").path(0).path("configMap").path("name").asText())
                .isEqualTo(configMap.path("metadata").path("name").asText());
    }

    @Test
    void should_bind_every_workspace_and_name_only_declared_params_when_the_example_run_is_read() {
        // given
        JsonNode pipeline = pipeline();
        JsonNode run = Yaml.documents(ROOT.resolve("infra/gitops/build/pipelinerun.yaml")).getFirst();

        // then
        assertThat(run.path("spec").path("pipelineRef").path("name").asText()).isEqualTo(pipeline.path("metadata").path("name").asText());
        Set<String> bound = new TreeSet<>();
        run.path("spec").path("workspaces").forEach(w -> bound.add(w.path("name").asText()));
        Set<String> declared = new TreeSet<>();
        pipeline.path("spec").path("workspaces").forEach(w -> declared.add(w.path("name").asText()));
        assertThat(bound).isEqualTo(declared);
        run.path("spec").path("params").forEach(p -> assertThat(paramDefaults(pipeline)).containsKey(p.path("name").asText()));
    }

    @Test
    void should_build_the_renamed_images_and_the_pipeline_when_kubectl_kustomize_runs() throws Exception {
        // given
        assumeThat(kubectlInstalled()).as("kubectl is not on PATH: `kubectl kustomize` not tried").isTrue();
        Map<String, String> expected = baseImages();
        for (String layer : LAYERS) {
            expected = rename(expected, imageEntries(layer));
        }

        // when
        List<JsonNode> app = Yaml.documents(kubectl("kustomize", ROOT.resolve("infra/gitops/ragfn").toString()), "infra/gitops/ragfn");
        List<JsonNode> build = Yaml.documents(kubectl("kustomize", ROOT.resolve("infra/gitops/build").toString()), "infra/gitops/build");

        // then
        Map<String, String> built = new TreeMap<>();
        app.stream().filter(d -> d.path("apiVersion").asText().startsWith("serving.knative.dev/"))
                .forEach(d -> built.put(d.path("metadata").path("name").asText(),
                        d.path("spec").path("template").path("spec").path("containers").path(0).path("image").asText()));
        assertThat(built).isEqualTo(expected);
        assertThat(build).extracting(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText() + " in "
                + d.path("metadata").path("namespace").asText())
                .containsExactlyInAnyOrder("Pipeline/ragfn-images in ragfn", "ConfigMap/ragfn-service-ca in ragfn");
    }

    /** knative/base's Services and their images, by name. */
    private static Map<String, String> baseImages() {
        Map<String, String> images = new TreeMap<>();
        Checkout.REPOSITORY.baseResources().stream().filter(Service.class::isInstance).map(Service.class::cast)
                .forEach(s -> images.put(s.getMetadata().getName(), s.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()));
        return images;
    }

    private static List<JsonNode> imageEntries(String layer) {
        return StreamSupport.stream(Kustomization.read(ROOT.resolve(layer)).root().path("images").spliterator(), false).toList();
    }

    /** What kustomize's images transformer does: a matching name takes newName and newTag. */
    private static Map<String, String> rename(Map<String, String> images, List<JsonNode> entries) {
        Map<String, String> renamed = new TreeMap<>();
        images.forEach((service, image) -> {
            String name = nameOf(image);
            String tag = image.substring(name.length() + 1);
            for (JsonNode entry : entries) {
                if (entry.path("name").asText().equals(name)) {
                    name = entry.path("newName").asText(name);
                    tag = entry.path("newTag").asText(tag);
                }
            }
            renamed.put(service, name + ":" + tag);
        });
        return renamed;
    }

    /** The image without its tag: everything before the last colon after the last slash. */
    private static String nameOf(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    private static String applicationName(String module) {
        try {
            return Files.readAllLines(ROOT.resolve(module).resolve("src/main/resources/application.properties")).stream()
                    .filter(l -> l.startsWith("quarkus.application.name=")).map(l -> l.substring(l.indexOf('=') + 1).trim())
                    .findFirst().orElseThrow(() -> new AssertionError(module + " sets no quarkus.application.name"));
        } catch (IOException e) {
            throw new AssertionError("cannot read the configuration of " + module, e);
        }
    }

    private static JsonNode pipeline() {
        JsonNode pipeline = Yaml.documents(ROOT.resolve("infra/gitops/build/pipeline.yaml")).getFirst();
        assertThat(pipeline.path("apiVersion").asText()).isEqualTo("tekton.dev/v1");
        assertThat(pipeline.path("kind").asText()).isEqualTo("Pipeline");
        return pipeline;
    }

    private static JsonNode task(JsonNode pipeline, String name) {
        return StreamSupport.stream(pipeline.path("spec").path("tasks").spliterator(), false)
                .filter(t -> t.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the pipeline has no task " + name));
    }

    private static Map<String, String> paramDefaults(JsonNode pipeline) {
        Map<String, String> params = new TreeMap<>();
        pipeline.path("spec").path("params").forEach(p -> params.put(p.path("name").asText(), p.path("default").asText()));
        return params;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static boolean kubectlInstalled() {
        try {
            kubectl("version", "--client");
            return true;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private static String kubectl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(process.exitValue()).as("%s exit code", command).isZero();
        return out;
    }
}
