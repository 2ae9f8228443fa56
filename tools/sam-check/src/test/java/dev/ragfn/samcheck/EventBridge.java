package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.testing.SamTemplate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * EventBridge as far as the template uses it: rules match exact values in nested objects, and
 * hand their function the InputPath or the InputTransformer's output ({@link SamTemplate}).
 */
final class EventBridge {

    static final String BUS = "ragfn";
    static final String DEFAULT_BUS = "default";

    private final Template template;
    private final SamTemplate rules;

    /** Parameters without a default in the template must be given. */
    EventBridge(Template template, Map<String, String> parameters) {
        this.template = template;
        this.rules = new SamTemplate(template.root(), parameters);
    }

    /** What each rule (Function.Event) hands its function when the event arrives on the bus. */
    Map<String, JsonNode> deliver(JsonNode event, String bus) {
        Map<String, JsonNode> inputs = new TreeMap<>();
        for (String function : template.ofType(Template.FUNCTION).keySet()) {
            for (Template.Event rule : template.events(function, "EventBridgeRule")) {
                JsonNode props = rule.properties();
                String ruleBus = props.has("EventBusName") ? BUS : DEFAULT_BUS;
                if (ruleBus.equals(bus) && matches(props.path("Pattern"), event)) {
                    inputs.put(function + "." + rule.name(), rules.input(props, event));
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
                field.getValue().forEach(v -> allowed.add(rules.resolve(v)));
                if (!value.isValueNode() || !allowed.contains(value.asText())) {
                    return false;
                }
            } else if (!matches(field.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    String parameter(String name) {
        return rules.parameter(name);
    }
}
