package dev.ragfn.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** The files of a ragfn checkout that deployment reads and writes. */
public record Repository(Path root) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(new ObjectMapper(), true,
            new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

    public Path triggers() {
        return root.resolve("triggers/triggers.yaml");
    }

    public Path base() {
        return root.resolve("knative/base");
    }

    /** Function modules (folders under functions/ with a pom), except the bundle, which runs them all in one process. */
    public List<String> functionModules() {
        try (Stream<Path> dirs = Files.list(root.resolve("functions"))) {
            return dirs.filter(d -> Files.exists(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString())
                    .filter(name -> !name.equals("bundle"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list the function modules under " + root.resolve("functions"), e);
        }
    }

    public KnativeManifests generated() {
        return new KnativeManifests(Wiring.read(triggers()), functionModules());
    }

    /** The resources of knative/base as written, in the order its kustomization lists the files. */
    public List<HasMetadata> baseResources() {
        List<HasMetadata> resources = new ArrayList<>();
        for (String file : kustomizationResources(base())) {
            resources.addAll(read(base().resolve(file)));
        }
        return resources;
    }

    static List<String> kustomizationResources(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("kustomization.yaml")).stream()
                    .dropWhile(line -> !line.equals("resources:"))
                    .skip(1)
                    .takeWhile(line -> line.startsWith("  - "))
                    .map(line -> line.substring(4).trim())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + dir.resolve("kustomization.yaml"), e);
        }
    }

    /** Every document of a YAML file, as the fabric8 model class registered for its apiVersion and kind. */
    public static List<HasMetadata> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object parsed = SERIALIZATION.unmarshal(in);
            List<HasMetadata> resources = new ArrayList<>();
            if (parsed instanceof Collection<?> many) {
                many.forEach(r -> resources.add((HasMetadata) r));
            } else if (parsed != null) {
                resources.add((HasMetadata) parsed);
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the manifests in " + file, e);
        }
    }

    /** A YAML stream of the resources, one document each. */
    public static String yaml(List<HasMetadata> resources) {
        StringBuilder out = new StringBuilder();
        resources.forEach(r -> out.append(SERIALIZATION.asYaml(r)));
        return out.toString();
    }
}
