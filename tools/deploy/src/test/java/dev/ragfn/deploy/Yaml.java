package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Plain YAML, for files the fabric8 model does not cover (Argo CD, kustomize, Validated Patterns). */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    /** The documents of a file, empty ones (a leading {@code ---}) left out. */
    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file, e);
        }
    }

    static List<JsonNode> documents(String text, String what) {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = MAPPER.createParser(text)) {
            Iterator<JsonNode> values = MAPPER.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    static List<String> strings(JsonNode list) {
        List<String> strings = new ArrayList<>();
        list.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    /**
     * {@code patch} merged into {@code target} in place, as a JSON merge patch (RFC 7386): objects merge
     * key by key, anything else replaces, null removes. For the metadata and data the GitOps layer patches,
     * kustomize's strategic merge does the same.
     */
    static void merge(ObjectNode target, JsonNode patch) {
        patch.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                merge(existing, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        });
    }
}
