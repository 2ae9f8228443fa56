package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sam/template.yaml as EventBridge applies it: the input that a function's rule hands the function for
 * an event (its InputPath, or its InputTransformer filled in). tools/sam-check checks the rules with it,
 * and the functions' Lambda-form tests call their handler with exactly that input.
 */
public final class SamTemplate {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_]+)>");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private final JsonNode root;
    private final Map<String, String> parameters;

    /** Parameters without a default in the template must be given. */
    public SamTemplate(JsonNode root, Map<String, String> parameters) {
        this.root = root;
        this.parameters = parameters;
    }

    public static SamTemplate load(Map<String, String> parameters) {
        return new SamTemplate(read(YAML, sam().resolve("template.yaml")), parameters);
    }

    /** One of the sample events of sam/events/. */
    public static JsonNode sampleEvent(String name) {
        return read(JSON, sam().resolve("events").resolve(name));
    }

    /** What the rule (an EventBridgeRule under the function's Events) hands the function for this event. */
    public JsonNode input(String function, String rule, JsonNode event) {
        JsonNode props = root.path("Resources").path(function).path("Properties").path("Events").path(rule)
                .path("Properties");
        if (props.isMissingNode()) {
            throw new IllegalArgumentException("sam/template.yaml has no rule " + function + "." + rule);
        }
        return input(props, event);
    }

    /** What a rule with these properties hands its target: the InputPath, or the InputTransformer's output. */
    public JsonNode input(JsonNode props, JsonNode event) {
        if (props.has("InputPath")) {
            return path(event, props.path("InputPath").asText());
        }
        JsonNode transformer = props.path("InputTransformer");
        String template = resolve(transformer.path("InputTemplate"));
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            JsonNode value = path(event, transformer.path("InputPathsMap").path(placeholder.group(1)).asText());
            // Inside a JSON string EventBridge inserts the bare text; elsewhere the JSON value.
            boolean inString = template.substring(0, placeholder.start()).chars().filter(c -> c == '"').count() % 2 == 1;
            placeholder.appendReplacement(out, Matcher.quoteReplacement(inString ? value.asText() : value.toString()));
        }
        placeholder.appendTail(out);
        try {
            return JSON.readTree(out.toString());
        } catch (IOException e) {
            throw new AssertionError("InputTransformer gives invalid JSON: " + out, e);
        }
    }

    /** A pattern value or template string, with Ref and Fn::Sub resolved from the parameters. */
    public String resolve(JsonNode value) {
        if (value.has("Ref")) {
            return parameter(value.path("Ref").asText());
        }
        if (value.has("Fn::Sub")) {
            Matcher variable = VARIABLE.matcher(value.path("Fn::Sub").asText());
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(out, Matcher.quoteReplacement(parameter(variable.group(1))));
            }
            return variable.appendTail(out).toString();
        }
        return value instanceof TextNode text ? text.asText() : value.asText();
    }

    /** A parameter as given, else its default in the template. */
    public String parameter(String name) {
        return parameters.getOrDefault(name, root.path("Parameters").path(name).path("Default").asText(null));
    }

    private static JsonNode path(JsonNode event, String jsonPath) {
        JsonNode node = event;
        for (String part : jsonPath.substring(2).split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static Path sam() {
        return InfraServer.repoRoot().resolve("sam");
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file, e);
        }
    }
}
