package dev.ragfn.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The data of a {@code dev.ragfn.conversion.completed} event: the conversion it records, where the
 * pattern was written and what the conversion found. {@code zipBase64} is set only when the request
 * asked for an archive, {@code pushedCommit} only when it asked for a push.
 */
public record ConversionResult(String conversionId, String pattern, boolean nothingToConvert, String outputDir,
                               List<String> clusterGroups, List<String> files, List<DetectedCategory> detections,
                               List<String> products, List<String> needsHuman, String zipBase64, String pushedCommit) {

    public record DetectedCategory(String category, int confidence, boolean detected) {
    }

    /**
     * The answer to a redelivered request, read from what its first delivery stored (the report and the
     * zip); the commit of a push is not stored, so it is absent here.
     */
    static ConversionResult ofStored(Conversion done, String reportJson, byte[] zip, String outputDir, boolean archive) {
        try {
            JsonNode report = Json.mapper().readTree(reportJson);
            List<DetectedCategory> detections = new ArrayList<>();
            report.path("detections").forEach(d -> detections.add(new DetectedCategory(d.path("category").asText(),
                    d.path("confidence").asInt(), d.path("detected").asBoolean())));
            List<String> products = new ArrayList<>();
            report.path("products").forEach(p -> products.add(p.path("package").asText()
                    + (p.path("version").isTextual() ? " " + p.path("version").asText() : "")));
            return new ConversionResult(done.id(), done.pattern(), report.path("nothing_to_convert").asBoolean(), outputDir,
                    texts(report.path("cluster_groups")), files(done.pattern(), zip), detections, products,
                    texts(report.path("needs_human")), archive ? Base64.getEncoder().encodeToString(zip) : null, null);
        } catch (IOException e) {
            throw new StoreUnavailableException("the stored report or pattern of conversion " + done.id()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The zip holds each file under the pattern's folder. */
    private static List<String> files(String pattern, byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName().substring(pattern.length() + 1));
            }
        }
        return names;
    }
}
