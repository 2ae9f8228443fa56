package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * infra/gitops as Argo CD would sync it: the Application, the kustomization it points at, and the
 * resources that kustomization builds, with the GitOps layer's own patches applied. The overlays'
 * JSON patches below it (container resources) are not applied: nothing checked here depends on them.
 */
record GitOpsLayer(JsonNode application, Kustomization kustomization, List<Manifest> resources, List<Applied> patches) {

    /** One resource and the file it comes from. */
    record Manifest(Path file, ObjectNode body) {

        String kind() {
            return body.path("kind").asText();
        }

        String group() {
            String apiVersion = body.path("apiVersion").asText();
            return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        }

        String name() {
            return body.path("metadata").path("name").asText();
        }

        String annotation(String key) {
            return body.path("metadata").path("annotations").path(key).textValue();
        }

        @Override
        public String toString() {
            return kind() + "/" + name();
        }
    }

    /** A patch of the GitOps kustomization, and the resources it selected. */
    record Applied(Kustomization.Patch patch, List<Manifest> matched) {
    }

    static final Path APPLICATION = Path.of("infra/gitops/application.yaml");

    private static final Set<String> TARGET_FIELDS = Set.of("group", "version", "kind", "name");

    static GitOpsLayer load(Path root) {
        JsonNode application = Yaml.documents(root.resolve(APPLICATION)).getFirst();
        Kustomization kustomization = Kustomization.read(root.resolve(application.path("spec").path("source").path("path").asText()));
        List<Manifest> resources = new ArrayList<>();
        for (Path file : kustomization.manifestFiles()) {
            Yaml.documents(file).forEach(d -> resources.add(new Manifest(file, (ObjectNode) d)));
        }
        return new GitOpsLayer(application, kustomization, resources, apply(kustomization, resources));
    }

    /** Applies the kustomization's own patches to the resources in order, and says what each selected. */
    private static List<Applied> apply(Kustomization kustomization, List<Manifest> resources) {
        List<Applied> applied = new ArrayList<>();
        for (Kustomization.Patch patch : kustomization.patches()) {
            JsonNode body = body(kustomization, patch);
            List<Manifest> matched = resources.stream().filter(r -> selects(patch.target(), r)).toList();
            ObjectNode change = body.deepCopy();
            change.remove(List.of("apiVersion", "kind"));
            if (change.path("metadata") instanceof ObjectNode metadata) {
                metadata.remove("name"); // with a target, kustomize patches every selected resource whatever name the patch gives
            }
            matched.forEach(r -> Yaml.merge(r.body(), change));
            applied.add(new Applied(patch, matched));
        }
        return applied;
    }

    private static JsonNode body(Kustomization kustomization, Kustomization.Patch patch) {
        List<JsonNode> documents = patch.path()
                .map(p -> Yaml.documents(kustomization.dir().resolve(p)))
                .orElseGet(() -> Yaml.documents(patch.inline().orElseThrow(), "inline patch in " + kustomization.dir()));
        if (documents.size() != 1 || !documents.getFirst().isObject()) {
            throw new IllegalStateException("Only single strategic-merge patches are modelled, not JSON 6902 lists: " + patch);
        }
        if (patch.target().isMissingNode() || patch.target().isEmpty()) {
            throw new IllegalStateException("Every GitOps patch names its target (kind and name at least): " + patch);
        }
        return documents.getFirst();
    }

    private static boolean selects(JsonNode target, Manifest resource) {
        for (Map.Entry<String, JsonNode> field : target.properties()) {
            if (!TARGET_FIELDS.contains(field.getKey())) {
                throw new IllegalStateException("Patch target field '" + field.getKey() + "' is not modelled");
            }
            String wanted = field.getValue().asText();
            String actual = switch (field.getKey()) {
                case "group" -> resource.group();
                case "version" -> resource.body().path("apiVersion").asText().replaceFirst(".*/", "");
                case "kind" -> resource.kind();
                default -> resource.name();
            };
            if (!wanted.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    List<Manifest> ofKind(String group, String kind) {
        return resources.stream().filter(r -> r.group().equals(group) && r.kind().equals(kind)).toList();
    }
}
