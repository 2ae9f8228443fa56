package dev.ragfn.convert;

import java.util.List;

/**
 * The data of a {@code dev.ragfn.conversion.completed} event: where the pattern was written and
 * what the conversion found. {@code zipBase64} is set only when the request asked for an archive,
 * {@code pushedCommit} only when it asked for a push.
 */
public record ConversionResult(String pattern, boolean nothingToConvert, String outputDir, List<String> clusterGroups,
                               List<String> files, List<DetectedCategory> detections, List<String> products,
                               List<String> needsHuman, String zipBase64, String pushedCommit) {

    public record DetectedCategory(String category, int confidence, boolean detected) {
    }
}
