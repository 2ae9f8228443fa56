package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** sam/template.yaml, read as plain YAML: it uses only the long form of intrinsics (Ref, Fn::GetAtt). */
record Template(JsonNode root) {

    static final String FUNCTION = "AWS::Serverless::Function";
    private static final Pattern CMD = Pattern.compile("^CMD \\[\"([^\"]+)\"]", Pattern.MULTILINE);
    static final String HTTP_API = "AWS::Serverless::HttpApi";
    /** Funqy's Lambda entry point, as Quarkus writes it into target/sam.jvm.yaml: raw invocations (events). */
    static final String FUNQY_HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    /** quarkus-amazon-lambda-http's entry point: HTTP API events, handed to the app's HTTP routes. */
    static final String HTTP_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

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

    /** A function's environment variable as deployed: its own value, else the Globals'. */
    JsonNode environment(String functionId, String name) {
        JsonNode own = properties(functionId).path("Environment").path("Variables").path(name);
        return own.isMissingNode() ? root.path("Globals").path("Function").path("Environment").path("Variables").path(name) : own;
    }

    /** The entry point Lambda calls: a zip's Handler; an image's command override, else its Dockerfile's CMD. */
    String handler(String functionId) {
        JsonNode props = properties(functionId);
        if (!props.path("PackageType").asText("Zip").equals("Image")) {
            return props.path("Handler").asText(null);
        }
        JsonNode command = props.path("ImageConfig").path("Command");
        if (!command.isMissingNode()) {
            return command.path(0).asText(null);
        }
        JsonNode metadata = resource(functionId).path("Metadata");
        Path dockerfile = Repo.sam(metadata.path("DockerContext").asText()).resolve(metadata.path("Dockerfile").asText());
        try {
            Matcher cmd = CMD.matcher(Files.readString(dockerfile));
            return cmd.find() ? cmd.group(1) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + dockerfile, e);
        }
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
