package dev.ragfn.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ragfn.convert.yaml.SafeYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The framework's own check (reference-multicloud-gitops/jsonschema.yaml), done in Java: merge
 * values-global.yaml into each values-<group>.yaml the way {@code yq '. as $item ireduce ({}; . * $item)'}
 * does (maps merge deeply, anything else is replaced by the later file), then validate the result
 * fill the schema's defaults into it as {@code check-jsonschema --fill-defaults} does ({@link SchemaDefaults}),
 * and validate the filled document against the clustergroup chart's values.schema.json (draft-07) with the
 * networknt JSON Schema library.
 */
final class FrameworkSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final SchemaDefaults defaults;

    FrameworkSchemaCheck() {
        this(sharedSchemas().resolve("clustergroup/values.schema.json"));
    }

    FrameworkSchemaCheck(Path schemaFile) {
        try {
            String text = Files.readString(schemaFile);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
            defaults = new SchemaDefaults(JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sharedSchemas() {
        String root = System.getProperty("repo.root");
        Path base = root != null ? Path.of(root) : Path.of("../..");
        return base.resolve("../shared/schemas").normalize();
    }

    /** Validation errors of every values-<group>.yaml of the pattern in {@code dir}, by file. */
    Map<String, List<String>> errors(Path dir) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        Object global = load(dir.resolve("values-global.yaml"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("values-") && name.endsWith(".yaml") && !name.equals("values-global.yaml")
                        && !name.startsWith("values-secret") && !name.matches(".*4\\.[0-9]+.*")) {
                    all.put(name, validate(filled(global, load(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** {@code values-global.yaml} merged with one group's values, defaults filled: what check-jsonschema validates. */
    JsonNode filled(Object global, Object group) {
        return defaults.fill(JSON.valueToTree(merge(merge(new LinkedHashMap<>(), global), group)));
    }

    /** The validation errors of an already merged and filled document. */
    List<String> validate(JsonNode document) {
        try {
            List<Error> errors = schema.validate(JSON.writeValueAsString(document), InputFormat.JSON);
            return errors.stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object merge(Object left, Object right) {
        if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) l);
            r.forEach((k, v) -> out.put(String.valueOf(k), out.containsKey(String.valueOf(k)) ? merge(out.get(String.valueOf(k)), v) : v));
            return out;
        }
        return right;
    }

    static Object load(Path file) {
        try {
            return SafeYaml.load(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> keysOf(Object yaml, String prefix) {
        List<String> keys = new ArrayList<>();
        if (yaml instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                keys.add(prefix + k);
                keys.addAll(keysOf(v, prefix + k + "."));
            });
        }
        return keys;
    }
}
