package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** sam/template.yaml, read as plain YAML: it uses only the long form of intrinsics (Ref, Fn::GetAtt). */
record Template(JsonNode root) {

    static final String FUNCTION = "AWS::Serverless::Function";

    /** One event source of a function, by its key under Events. */
    record Event(String name, String type, JsonNode properties) {
    }

    static Template load() {
        return new Template(Repo.yaml(Repo.sam("template.yaml")));
    }

    JsonNode resources() {
        return root.path("Resources");
    }

    JsonNode resource(String logicalId) {
        return resources().path(logicalId);
    }

    /** Resources of one type, by logical id. */
    Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new TreeMap<>();
        resources().properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    /** The function of a module: IngestFunction for functions/ingest. */
    static String functionId(String module) {
        return Repo.pascal(module) + "Function";
    }

    JsonNode properties(String functionId) {
        return resource(functionId).path("Properties");
    }

    List<Event> events(String functionId) {
        List<Event> events = new ArrayList<>();
        properties(functionId).path("Events").properties().forEach(e -> events.add(
                new Event(e.getKey(), e.getValue().path("Type").asText(), e.getValue().path("Properties"))));
        return events;
    }

    List<Event> events(String functionId, String type) {
        return events(functionId).stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Policy templates of a function as name and argument: DynamoDBCrudPolicy, {TableName: {Ref: ...}}. */
    List<Map.Entry<String, JsonNode>> policies(String functionId) {
        List<Map.Entry<String, JsonNode>> policies = new ArrayList<>();
        properties(functionId).path("Policies").forEach(p -> p.properties().forEach(policies::add));
        return policies;
    }

    static String ref(JsonNode node) {
        return node.path("Ref").asText(null);
    }

    /** The logical id of a {Fn::GetAtt: [Id, Arn]}. */
    static String getAttArn(JsonNode node) {
        JsonNode att = node.path("Fn::GetAtt");
        return att.size() == 2 && att.get(1).asText().equals("Arn") ? att.get(0).asText() : null;
    }
}
