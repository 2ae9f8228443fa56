package dev.ragfn.convert.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a rule looks at. Each type except {@link #CONTENT} matches facts that discovery extracted. */
public enum RuleType {
    /** A dependency of a Helm chart (Chart.yaml or requirements.yaml); key: the repository. */
    CHART_DEPENDENCY,
    /** The kind of a Kubernetes object. */
    KUBERNETES_KIND,
    /** The apiVersion of a Kubernetes object. */
    API_VERSION,
    /** A container image in a manifest, a Helm values file or a Dockerfile. */
    CONTAINER_IMAGE,
    /** An annotation; key: the annotation name, value: its value. */
    ANNOTATION,
    /** A label; key: the label name, value: its value. */
    LABEL,
    /** A container environment variable; key: its name, value: its value (or the referenced secret). */
    ENV_VAR,
    /** A resource a container requests or limits (manifests and Helm values); key: the resource name, value: the quantity. */
    RESOURCE_REQUEST,
    /** A container or service port number. */
    PORT,
    /** A file of the source; value: its path relative to the root. */
    FILE_PRESENT,
    /** A build dependency; key: maven, npm, pypi or go; value: the package name. */
    BUILD_DEPENDENCY,
    /** A line of a text file; key, if set, is a glob on the file path. */
    CONTENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RuleType> of(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }
}
