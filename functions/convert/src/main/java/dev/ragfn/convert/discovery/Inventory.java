package dev.ragfn.convert.discovery;

import dev.ragfn.convert.rules.Fact;
import dev.ragfn.convert.rules.RulesEngine.TextFile;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/** Everything discovery found in a source, in a stable order (by path, then position). */
public record Inventory(
        List<String> files,
        List<Chart> charts,
        List<Kustomization> kustomizations,
        List<Manifest> manifests,
        List<Subscription> subscriptions,
        List<Csv> csvs,
        List<ArgoApplication> argoApplications,
        SortedSet<String> images,
        List<BuildFile> buildFiles,
        SortedMap<String, Integer> languages,
        SortedMap<String, SortedSet<String>> secrets,
        List<Fact> facts,
        List<TextFile> texts,
        List<String> warnings) {

    /** A Helm chart; {@code parent} is the folder of the chart it is nested in, or null. */
    public record Chart(String dir, String name, String version, String parent, List<Dependency> dependencies) {
    }

    public record Dependency(String name, String version, String repository) {
    }

    /**
     * A Kustomize folder; an overlay refers to resources outside its own folder.
     *
     * @param resources  its resources, bases and components as written
     * @param localPaths every path it names relative to its folder (resources, components, patches,
     *                   generator files...), remote URLs left out
     * @param component  a {@code kind: Component}, which only another kustomization can use
     * @param patchOnly  it names no resources, generators or charts, so on its own it builds nothing
     */
    public record Kustomization(String dir, List<String> resources, String namespace, boolean overlay,
                                List<String> localPaths, boolean component, boolean patchOnly) {
    }

    /**
     * An Argo CD Application object: where its source is and where it deploys.
     *
     * @param repoUrl the source repository (Git or Helm); null when absent
     * @param path    the folder in that repository, or null for a Helm chart source
     * @param chart   the chart name of a Helm repository source, or null
     */
    public record ArgoApplication(String file, String name, String repoUrl, String path, String chart, String targetRevision,
                                  String namespace) {
    }

    /** Where a manifest came from: plain YAML, a Helm template (owner: chart dir) or a Kustomize folder. */
    public enum Origin { PLAIN, HELM, KUSTOMIZE }

    public record Manifest(String file, String apiVersion, String kind, String name, String namespace, Origin origin,
                           String owner) {
    }

    public record Subscription(String file, String packageName, String channel, String source, String sourceNamespace,
                               String namespace, String startingCsv) {
    }

    public record Csv(String file, String name, String version, String displayName) {
    }

    public record BuildFile(String file, String ecosystem, List<String> dependencies) {
    }

    public boolean hasDeployables() {
        return !charts.isEmpty() || !kustomizations.isEmpty() || !manifests.isEmpty() || !subscriptions.isEmpty()
                || !argoApplications.isEmpty();
    }
}
