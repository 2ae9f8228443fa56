package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * triggers/triggers.yaml as the deployment reads it: the broker, and per function its subscriptions, schedules and
 * delivery policy. What functions emit does not shape the manifests.
 */
public record Wiring(String broker, Map<String, Function> functions) {

    /** One function's wiring; {@code delivery} is null when neither the function nor the defaults declare one. */
    public record Function(String name, List<Subscription> consumes, List<Schedule> schedules, Delivery delivery) {

        /**
         * A function that consumes events or runs on a schedule is reached only through the broker: no user calls
         * it, so it is kept off every route users can reach. The others are called by users over HTTP.
         */
        public boolean eventOnly() {
            return !consumes.isEmpty() || !schedules.isEmpty();
        }
    }

    /** The function's wiring; one that triggers.yaml does not name is called over HTTP only. */
    public Function function(String name) {
        return functions.getOrDefault(name, new Function(name, List.of(), List.of(), null));
    }

    /** The CloudEvent attributes an event must carry to reach the function: {@code type} and any others declared beside it. */
    public record Subscription(Map<String, String> attributes) {

        public String type() {
            return attributes.get("type");
        }
    }

    /** A cron schedule whose events carry {@code data} as JSON. */
    public record Schedule(String name, String cron, String timezone, JsonNode data) {

        /** The type of every Knative PingSource event: Knative's own, so ragfn's EventTypes does not list it. */
        public static final String PING_TYPE = "dev.knative.sources.ping";
        /** The CloudEvent extension that names the schedule an event of {@link #PING_TYPE} fired for. */
        public static final String EXTENSION = "schedule";

        /** The attributes of this schedule's events, on which its Trigger filters. */
        public Map<String, String> attributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("type", PING_TYPE);
            attributes.put(EXTENSION, name);
            return attributes;
        }
    }

    /**
     * Retries after the first attempt, how the wait grows, the first wait (ISO-8601) and where undeliverable events go;
     * a field left null is left to Knative's default.
     */
    public record Delivery(Integer retry, String backoffPolicy, String backoffDelay, String deadLetterSink) {
    }

    public static Wiring read(Path file) {
        try {
            return of(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the wiring from " + file, e);
        }
    }

    static Wiring of(JsonNode root) {
        Delivery defaults = delivery(root.path("defaults").path("delivery"), null);
        Map<String, Function> functions = new LinkedHashMap<>();
        root.path("functions").properties().forEach(entry -> {
            JsonNode node = entry.getValue();
            List<Subscription> consumes = new ArrayList<>();
            node.path("consumes").forEach(c -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                c.properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
                consumes.add(new Subscription(attributes));
            });
            List<Schedule> schedules = new ArrayList<>();
            node.path("schedules").forEach(s -> schedules.add(new Schedule(s.path("name").asText(),
                    s.path("cron").asText(), s.path("timezone").asText("UTC"), s.path("data"))));
            functions.put(entry.getKey(), new Function(entry.getKey(), List.copyOf(consumes),
                    List.copyOf(schedules), delivery(node.path("delivery"), defaults)));
        });
        return new Wiring(root.path("broker").asText(), functions);
    }

    /** A function's delivery: each field it declares, else the default's. */
    private static Delivery delivery(JsonNode node, Delivery fallback) {
        if (node.isMissingNode()) {
            return fallback;
        }
        Delivery base = fallback == null ? new Delivery(null, null, null, null) : fallback;
        return new Delivery(
                node.has("retry") ? Integer.valueOf(node.path("retry").asInt()) : base.retry(),
                node.path("backoffPolicy").asText(base.backoffPolicy()),
                node.path("backoffDelay").asText(base.backoffDelay()),
                node.path("deadLetterSink").asText(base.deadLetterSink()));
    }
}
