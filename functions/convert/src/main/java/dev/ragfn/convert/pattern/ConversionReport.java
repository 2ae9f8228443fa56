package dev.ragfn.convert.pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ragfn.convert.discovery.Inventory;
import dev.ragfn.convert.rules.Detection;
import dev.ragfn.convert.rules.Evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static dev.ragfn.convert.pattern.ClusterGroupPlan.map;

/**
 * What the conversion found and did, for people (conversion-report.md) and tools
 * (conversion-report.json). It holds no paths of the machine that ran it and no time, so the
 * same source always gives the same bytes.
 */
public final class ConversionReport {

    static final String JSON_FILE = "conversion-report.json";
    static final String MARKDOWN_FILE = "conversion-report.md";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String pattern;
    private final boolean nothingToConvert;
    private final List<String> clusterGroups;
    private final SortedMap<String, List<String>> applications;
    private final List<Detection> detections;
    private final List<Product> products;
    private final Inventory inventory;
    private final List<String> needsHuman;
    private final List<String> decisions;

    /**
     * @param needsHuman questions only a person can answer, and the converter's warnings
     * @param decisions  what the converter chose and why (install method per application, remote charts, added operators)
     */
    ConversionReport(String pattern, boolean nothingToConvert, List<String> clusterGroups, Map<String, List<String>> applications,
                     List<Detection> detections, List<Product> products, Inventory inventory, List<String> needsHuman,
                     List<String> decisions) {
        this.pattern = pattern;
        this.nothingToConvert = nothingToConvert;
        this.clusterGroups = clusterGroups;
        this.applications = new TreeMap<>(applications);
        this.detections = detections;
        this.products = products;
        this.inventory = inventory;
        List<String> all = new ArrayList<>(needsHuman);
        all.addAll(inventory.warnings());
        this.needsHuman = List.copyOf(all);
        this.decisions = List.copyOf(decisions);
    }

    public List<Detection> detections() {
        return detections;
    }

    public List<Product> products() {
        return products;
    }

    public List<String> needsHuman() {
        return needsHuman;
    }

    public List<String> decisions() {
        return decisions;
    }

    public List<String> clusterGroups() {
        return clusterGroups;
    }

    void writeTo(SortedMap<String, byte[]> files) {
        files.put(JSON_FILE, json().getBytes(StandardCharsets.UTF_8));
        files.put(MARKDOWN_FILE, markdown().getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Object> toMap() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("pattern", pattern);
        doc.put("nothing_to_convert", nothingToConvert);
        doc.put("cluster_groups", clusterGroups);
        doc.put("applications", applications);
        doc.put("detections", detections.stream().map(d -> map("category", d.category().id(), "name", d.category().name(),
                "confidence", d.confidence(), "min_confidence", d.category().minConfidence(), "detected", d.detected(),
                "evidence", d.evidence().stream().map(e -> map("rule", e.rule(), "file", e.file(), "line", e.line(),
                        "message", e.message())).toList())).toList());
        doc.put("products", products.stream().map(p -> map("package", p.packageName(), "product", p.product(),
                "version", p.version(), "channel", p.channel(), "file", p.file())).toList());
        doc.put("charts", inventory.charts().stream().map(c -> map("dir", c.dir(), "name", c.name(), "version", c.version(),
                "parent", c.parent(), "dependencies", c.dependencies().stream().map(d -> map("name", d.name(), "version", d.version(),
                        "repository", d.repository(), "remote", d.repository() != null && !d.repository().startsWith("file://")))
                        .toList())).toList());
        doc.put("kustomizations", inventory.kustomizations().stream().map(k -> map("dir", k.dir(), "overlay", k.overlay(),
                "namespace", k.namespace())).toList());
        SortedMap<String, Integer> kinds = new TreeMap<>();
        inventory.manifests().forEach(m -> kinds.merge(m.kind(), 1, Integer::sum));
        doc.put("manifest_kinds", kinds);
        doc.put("images", List.copyOf(inventory.images()));
        doc.put("build_files", inventory.buildFiles().stream().map(b -> map("file", b.file(), "ecosystem", b.ecosystem(),
                "dependencies", b.dependencies())).toList());
        doc.put("languages", inventory.languages());
        doc.put("secrets", inventory.secrets());
        doc.put("decisions", decisions);
        doc.put("needs_human", needsHuman);
        return doc;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(toMap()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write the conversion report", e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Conversion report: ").append(pattern).append("\n\n");
        if (nothingToConvert) {
            md.append("**Nothing to convert.** The source holds no Helm chart, Kustomize folder, Kubernetes manifest or "
                    + "operator Subscription, so no pattern was generated.\n\n");
        } else {
            md.append("Cluster groups: ").append(String.join(", ", clusterGroups)).append("\n\n");
            applications.forEach((g, apps) -> md.append("- `values-").append(g).append(".yaml`: ")
                    .append(String.join(", ", apps)).append('\n'));
            md.append('\n');
        }
        md.append("## Detected patterns\n\n| Category | Confidence | Minimum | Detected |\n|---|---|---|---|\n");
        detections.forEach(d -> md.append("| ").append(d.category().name()).append(" | ").append(d.confidence()).append(" | ")
                .append(d.category().minConfidence()).append(" | ").append(d.detected() ? "yes" : "no").append(" |\n"));
        md.append("\n## Evidence\n\n");
        boolean any = false;
        for (Detection d : detections) {
            for (Evidence e : d.evidence()) {
                any = true;
                md.append("- ").append(d.category().name()).append(": ").append(e.message()).append(" (`").append(e.file())
                        .append(e.line() > 0 ? ":" + e.line() : "").append("`, rule `").append(e.rule()).append("`)\n");
            }
        }
        md.append(any ? "\n" : "No rule matched.\n\n");
        md.append("## Products\n\n");
        if (products.isEmpty()) {
            md.append("No operator Subscription or CSV found.\n\n");
        } else {
            md.append("| Package | Product | Version | Channel |\n|---|---|---|---|\n");
            products.forEach(p -> md.append("| ").append(p.packageName()).append(" | ").append(p.product() == null ? "unknown" : p.product())
                    .append(" | ").append(p.version() == null ? "-" : p.version()).append(" | ")
                    .append(p.channel() == null ? "-" : p.channel()).append(" |\n"));
            md.append('\n');
        }
        md.append("## Source\n\n");
        md.append("- Helm charts: ").append(inventory.charts().size()).append('\n');
        md.append("- Kustomize folders: ").append(inventory.kustomizations().size()).append('\n');
        md.append("- Kubernetes objects: ").append(inventory.manifests().size()).append('\n');
        md.append("- Container images: ").append(String.join(", ", inventory.images())).append('\n');
        md.append("- Languages: ").append(inventory.languages()).append('\n');
        md.append("- Build files: ").append(String.join(", ", inventory.buildFiles().stream().map(Inventory.BuildFile::file).toList()))
                .append("\n\n");
        md.append("## Decisions\n\n");
        decisions.forEach(d -> md.append("- ").append(d).append('\n'));
        md.append(decisions.isEmpty() ? "None.\n\n" : "\n");
        md.append("## Needs a human\n\n");
        if (needsHuman.isEmpty()) {
            md.append("Nothing.\n");
        } else {
            needsHuman.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }
}
