package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A kustomization.yaml (or Component) as far as ragfn's use of kustomize goes: local resources,
 * components and patches. kustomize is not installed on the build machines; this resolves what the
 * files name so tests can check it, and refuses what it does not model (remote bases, other fields
 * that add resources) rather than skipping them.
 */
record Kustomization(Path dir, JsonNode root) {

    /** Fields that add or change resources and that this resolver does not model. */
    private static final List<String> UNMODELLED = List.of("bases", "patchesStrategicMerge", "patchesJson6902", "configMapGenerator",
            "secretGenerator", "helmCharts", "replacements", "generators", "transformers");

    /** One entry of {@code patches}: a file or inline text, applied to the resources its target selects. */
    record Patch(Optional<String> path, Optional<String> inline, JsonNode target) {
    }

    static Kustomization read(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(dir + " is not a kustomization: it has no kustomization.yaml");
        }
        JsonNode root = Yaml.documents(file).getFirst();
        for (String field : UNMODELLED) {
            if (root.has(field)) {
                throw new IllegalStateException(file + " uses '" + field + "', which the tests' resolver does not model");
            }
        }
        return new Kustomization(dir.normalize(), root);
    }

    List<String> resources() {
        return Yaml.strings(root.path("resources"));
    }

    List<String> components() {
        return Yaml.strings(root.path("components"));
    }

    Optional<String> namespace() {
        return Optional.ofNullable(root.path("namespace").textValue());
    }

    List<Patch> patches() {
        List<Patch> patches = new ArrayList<>();
        root.path("patches").forEach(p -> patches.add(new Patch(Optional.ofNullable(p.path("path").textValue()),
                Optional.ofNullable(p.path("patch").textValue()), p.path("target"))));
        return patches;
    }

    /** Every path this kustomization names, resolved against its folder: resources, components and patch files. */
    List<Path> namedPaths() {
        List<Path> paths = new ArrayList<>();
        resources().forEach(r -> paths.add(dir.resolve(r).normalize()));
        components().forEach(c -> paths.add(dir.resolve(c).normalize()));
        patches().forEach(p -> p.path().ifPresent(f -> paths.add(dir.resolve(f).normalize())));
        return paths;
    }

    /** The kustomizations this one builds on, its components included, and theirs, depth first. */
    List<Kustomization> withIncluded() {
        List<Kustomization> all = new ArrayList<>(List.of(this));
        for (Path path : includedPaths()) {
            if (Files.isDirectory(path)) {
                all.addAll(read(path).withIncluded());
            }
        }
        return all;
    }

    /** The manifest files the build reads, in the order kustomize reads them: resources first, then components. */
    List<Path> manifestFiles() {
        List<Path> files = new ArrayList<>();
        for (Path path : includedPaths()) {
            if (Files.isDirectory(path)) {
                files.addAll(read(path).manifestFiles());
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalStateException(dir.resolve("kustomization.yaml") + " names " + dir.relativize(path)
                        + ", which does not exist");
            }
        }
        return files;
    }

    private List<Path> includedPaths() {
        List<Path> paths = new ArrayList<>();
        for (String entry : resources()) {
            if (entry.contains("://") || entry.startsWith("github.com/")) {
                throw new IllegalStateException(dir.resolve("kustomization.yaml") + " names a remote resource, " + entry
                        + ": ragfn's GitOps layer installs only what this repository holds");
            }
            paths.add(dir.resolve(entry).normalize());
        }
        components().forEach(c -> paths.add(dir.resolve(c).normalize()));
        return paths;
    }
}
