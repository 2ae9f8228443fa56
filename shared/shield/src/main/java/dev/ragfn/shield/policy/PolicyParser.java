package dev.ragfn.shield.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ragfn.shield.Category;
import dev.ragfn.shield.Decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a policy from YAML or JSON (JSON is YAML, so one parser reads both) and rejects anything it
 * does not know with a message naming the policy, the field and the allowed values.
 */
public final class PolicyParser {

    static final int DEFAULT_MAX_LENGTH = 20_000;
    static final double DEFAULT_LEAK_THRESHOLD = 0.2;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("input", "output", "blockedWords", "blockedTopics", "maxLength", "systemPromptLeakThreshold");
    private static final Set<String> DIRECTION_KEYS = Set.of("detectors", "actions");

    private PolicyParser() {
    }

    public static ShieldPolicy read(Path file, String name) {
        try {
            return parse(name, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read shield policy " + file + ": " + e.getMessage(), e);
        }
    }

    public static ShieldPolicy readResource(String resource, String name) {
        try (InputStream in = PolicyParser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Shield policy resource " + resource + " is missing from the classpath");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read shield policy resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws InvalidPolicyException when the text is not YAML/JSON, or names an unknown key,
     *                                detector, category or action
     */
    public static ShieldPolicy parse(String name, String content) {
        JsonNode root = tree(name, content);
        Fields fields = new Fields(name);
        fields.requireObject(root, "policy");
        fields.rejectUnknownKeys(root, TOP_LEVEL_KEYS, "top level");
        return new ShieldPolicy(name,
                directionRules(fields, root.path("input"), "input"),
                directionRules(fields, root.path("output"), "output"),
                fields.strings(root.path("blockedWords"), "blockedWords"),
                topics(fields, root.path("blockedTopics")),
                maxLength(fields, root.path("maxLength")),
                leakThreshold(fields, root.path("systemPromptLeakThreshold")));
    }

    private static JsonNode tree(String name, String content) {
        try {
            JsonNode root = YAML.readTree(content);
            return root == null || root.isMissingNode() ? YAML.createObjectNode() : root;
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException("Shield policy '" + name + "' is not valid YAML or JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static DirectionRules directionRules(Fields fields, JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return new DirectionRules(List.of(), Map.of());
        }
        fields.requireObject(node, path);
        fields.rejectUnknownKeys(node, DIRECTION_KEYS, path);
        List<String> detectors = fields.strings(node.path("detectors"), path + ".detectors");
        for (String detector : detectors) {
            if (!DetectorCatalog.ids().contains(detector)) {
                throw fields.invalid(path + ".detectors", "unknown detector '" + detector + "'; known detectors: "
                        + String.join(", ", DetectorCatalog.ids()));
            }
        }
        return new DirectionRules(detectors, actions(fields, node.path("actions"), path + ".actions"));
    }

    private static Map<String, Decision> actions(Fields fields, JsonNode node, String path) {
        Map<String, Decision> actions = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return actions;
        }
        fields.requireObject(node, path);
        node.properties().forEach(entry -> {
            String target = entry.getKey();
            if (Category.byId(target).isEmpty() && !DetectorCatalog.ids().contains(target)) {
                throw fields.invalid(path, "unknown category or detector '" + target + "'; categories: "
                        + Arrays.stream(Category.values()).map(Category::id).collect(Collectors.joining(", "))
                        + "; or a detector id");
            }
            String action = entry.getValue().asText();
            Decision decision = Decision.byName(action).orElseThrow(() -> fields.invalid(path + "." + target,
                    "unknown action '" + action + "'; allowed actions: allow, redact, block"));
            actions.put(target, decision);
        });
        return actions;
    }

    private static Map<String, List<String>> topics(Fields fields, JsonNode node) {
        Map<String, List<String>> topics = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return topics;
        }
        fields.requireObject(node, "blockedTopics");
        node.properties().forEach(entry -> topics.put(entry.getKey(),
                fields.strings(entry.getValue(), "blockedTopics." + entry.getKey())));
        return topics;
    }

    private static int maxLength(Fields fields, JsonNode node) {
        if (node.isMissingNode()) {
            return DEFAULT_MAX_LENGTH;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() <= 0) {
            throw fields.invalid("maxLength", "must be a positive whole number of characters, was '" + node.asText() + "'");
        }
        return node.asInt();
    }

    private static double leakThreshold(Fields fields, JsonNode node) {
        if (node.isMissingNode()) {
            return DEFAULT_LEAK_THRESHOLD;
        }
        if (!node.isNumber() || node.asDouble() <= 0 || node.asDouble() > 1) {
            throw fields.invalid("systemPromptLeakThreshold", "must be a number above 0 and at most 1, was '"
                    + node.asText() + "'");
        }
        return node.asDouble();
    }

    /** Field checks that all report the policy name and the field path. */
    private record Fields(String policy) {

        InvalidPolicyException invalid(String path, String problem) {
            return new InvalidPolicyException("Invalid shield policy '" + policy + "' at " + path + ": " + problem);
        }

        void requireObject(JsonNode node, String path) {
            if (!node.isObject()) {
                throw invalid(path, "expected a mapping, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }

        void rejectUnknownKeys(JsonNode node, Set<String> known, String path) {
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    throw invalid(path, "unknown key '" + key + "'; allowed keys: " + String.join(", ", known.stream().sorted().toList()));
                }
            });
        }

        List<String> strings(JsonNode node, String path) {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw invalid(path, "expected a list, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            List<String> values = new ArrayList<>();
            node.forEach(element -> {
                if (!element.isValueNode()) {
                    throw invalid(path, "expected a list of plain values");
                }
                values.add(element.asText());
            });
            return values;
        }
    }
}
