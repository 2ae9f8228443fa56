package dev.ragfn.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code check-jsonschema --fill-defaults} does to the instance before it validates it.
 * check-jsonschema extends the validator's {@code properties} keyword: for each property whose own
 * subschema carries a literal {@code default} and that the instance (an object) lacks, it inserts the
 * default, then validates the properties as usual, so the walk continues into every property present
 * (the inserted defaults included) and from there through {@code $ref}, {@code items},
 * {@code additionalProperties}, {@code patternProperties} and {@code allOf} wherever validation descends.
 * As in draft-07, the siblings of a {@code $ref} are not evaluated (a literal {@code default} next to a
 * {@code $ref} still counts, since it is read from the enclosing {@code properties}).
 *
 * <p>Validation also descends into {@code anyOf}/{@code oneOf}/{@code not}/{@code if} branches, where the
 * filling happens as a side effect of trying a branch. Those are not walked here; instead the constructor
 * refuses a schema that has a {@code default} or a {@code $ref} below them, so the result is the same as
 * check-jsonschema's for every schema it accepts (the clustergroup schema qualifies).
 */
final class SchemaDefaults {

    private static final Set<String> BRANCHING = Set.of("anyOf", "oneOf", "not", "if", "then", "else", "dependencies", "contains",
            "propertyNames");
    private static final int MAX_DEPTH = 200;

    private final JsonNode root;

    SchemaDefaults(JsonNode root) {
        this.root = root;
        List<String> unsupported = new ArrayList<>();
        findUnderBranches(root, "#", false, unsupported);
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("Defaults or $refs below branching keywords are not filled the way check-jsonschema "
                    + "fills them: " + unsupported);
        }
    }

    /** Fills {@code instance} in place and returns it. */
    JsonNode fill(JsonNode instance) {
        fill(instance, root, 0);
        return instance;
    }

    private void fill(JsonNode instance, JsonNode schema, int depth) {
        if (schema == null || !schema.isObject()) {
            return; // true/false schemas carry no defaults
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Schema recursion deeper than " + MAX_DEPTH + " levels");
        }
        if (schema.has("$ref")) {
            fill(instance, resolve(schema.get("$ref").asText()), depth + 1);
            return;
        }
        if (instance instanceof ObjectNode object) {
            fillObject(object, schema, depth);
        }
        if (instance instanceof ArrayNode array) {
            JsonNode items = schema.get("items");
            if (items != null && items.isArray()) {
                for (int i = 0; i < array.size(); i++) {
                    fill(array.get(i), i < items.size() ? items.get(i) : schema.get("additionalItems"), depth + 1);
                }
            } else if (items != null) {
                array.forEach(element -> fill(element, items, depth + 1));
            }
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null) {
            allOf.forEach(branch -> fill(instance, branch, depth + 1));
        }
    }

    private void fillObject(ObjectNode object, JsonNode schema, int depth) {
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.properties().forEach(p -> {
                if (p.getValue().has("default") && !object.has(p.getKey())) {
                    object.set(p.getKey(), p.getValue().get("default").deepCopy());
                }
            });
            properties.properties().forEach(p -> {
                if (object.has(p.getKey())) {
                    fill(object.get(p.getKey()), p.getValue(), depth + 1);
                }
            });
        }
        JsonNode patterns = schema.get("patternProperties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            boolean matched = properties != null && properties.has(field.getKey());
            if (patterns != null) {
                for (Map.Entry<String, JsonNode> pattern : patterns.properties()) {
                    if (Pattern.compile(pattern.getKey()).matcher(field.getKey()).find()) {
                        fill(field.getValue(), pattern.getValue(), depth + 1);
                        matched = true;
                    }
                }
            }
            if (!matched && additional != null) {
                fill(field.getValue(), additional, depth + 1);
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("Only local $refs are supported, not '" + ref + "'");
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("Unresolvable $ref '" + ref + "'");
        }
        return target;
    }

    private static void findUnderBranches(JsonNode node, String path, boolean underBranch, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = path + "/" + e.getKey();
                if (underBranch && (e.getKey().equals("default") || e.getKey().equals("$ref"))) {
                    found.add(child);
                }
                findUnderBranches(e.getValue(), child, underBranch || BRANCHING.contains(e.getKey()), found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findUnderBranches(node.get(i), path + "/" + i, underBranch, found);
            }
        }
    }
}
