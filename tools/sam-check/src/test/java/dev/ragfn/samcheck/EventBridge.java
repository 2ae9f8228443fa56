package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge as far as the template uses it: rules match exact values in nested objects, and
 * hand their function the InputPath or the InputTransformer's output.
 */
final class EventBridge {

    static final String BUS = "ragfn";
    static final String DEFAULT_BUS = "default";

    private final Template template;
    private final Map<String, String> parameters;

    /** Parameters without a default in the template must be given. */
    EventBridge(Template template, Map<String, String> parameters) {
        this.template = template;
        this.parameters = parameters;
    }

    /** What each rule (Function.Event) hands its function when the event arrives on the bus. */
    Map<String, JsonNode> deliver(JsonNode event, String bus) {
        Map<String, JsonNode> inputs = new TreeMap<>();
        for (String function : template.ofType(Template.FUNCTION).keySet()) {
            for (Template.Event rule : template.events(function, "EventBridgeRule")) {
                JsonNode props = rule.properties();
                String ruleBus = props.has("EventBusName") ? BUS : DEFAULT_BUS;
                if (ruleBus.equals(bus) && matches(props.path("Pattern"), event)) {
                    inputs.put(function + "." + rule.name(), input(props, event));
                }
            }
        }
        return inputs;
    }

    private boolean matches(JsonNode pattern, JsonNode event) {
        var fields = pattern.properties().iterator();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = event.path(field.getKey());
            if (field.getValue().isArray()) {
                Set<String> allowed = new TreeSet<>();
                field.getValue().forEach(v -> allowed.add(resolve(v)));
                if (!value.isValueNode() || !allowed.contains(value.asText())) {
                    return false;
                }
            } else if (!matches(field.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode input(JsonNode props, JsonNode event) {
        if (props.has("InputPath")) {
            return path(event, props.path("InputPath").asText());
        }
        JsonNode transformer = props.path("InputTransformer");
        String inputTemplate = resolve(transformer.path("InputTemplate"));
        Matcher placeholder = Pattern.compile("<([A-Za-z0-9_]+)>").matcher(inputTemplate);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            JsonNode value = path(event, transformer.path("InputPathsMap").path(placeholder.group(1)).asText());
            // Inside a JSON string EventBridge inserts the bare text; elsewhere the JSON value.
            boolean inString = inputTemplate.substring(0, placeholder.start()).chars().filter(c -> c == '"').count() % 2 == 1;
            placeholder.appendReplacement(out, Matcher.quoteReplacement(inString ? value.asText() : value.toString()));
        }
        placeholder.appendTail(out);
        try {
            return Repo.JSON.readTree(out.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError("InputTransformer gives invalid JSON: " + out, e);
        }
    }

    private static JsonNode path(JsonNode event, String jsonPath) {
        JsonNode node = event;
        for (String part : jsonPath.substring(2).split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** A pattern value or template string, with Ref and Fn::Sub resolved from parameters. */
    private String resolve(JsonNode value) {
        if (value.has("Ref")) {
            return parameter(value.path("Ref").asText());
        }
        if (value.has("Fn::Sub")) {
            Matcher variable = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(value.path("Fn::Sub").asText());
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(out, Matcher.quoteReplacement(parameter(variable.group(1))));
            }
            return variable.appendTail(out).toString();
        }
        return value instanceof TextNode text ? text.asText() : value.asText();
    }

    String parameter(String name) {
        return parameters.getOrDefault(name,
                template.root().path("Parameters").path(name).path("Default").asText(null));
    }
}
