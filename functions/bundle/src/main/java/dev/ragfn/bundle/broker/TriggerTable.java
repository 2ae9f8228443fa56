package dev.ragfn.bundle.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** triggers/triggers.yaml as the local broker reads it: which function consumes which type, and how to retry. */
public final class TriggerTable {

    /** Delivery policy of one function: attempts after the first, and the first backoff (doubling). */
    public record Delivery(int retries, Duration backoff) {
    }

    private final Map<String, List<String>> consumers = new HashMap<>();
    private final Map<String, Delivery> delivery = new HashMap<>();
    private final Map<String, List<String>> emits = new HashMap<>();
    private final List<Schedule> schedules = new ArrayList<>();

    /** A declared schedule: a 5-field cron in a time zone, and the data each firing carries to the function. */
    public record Schedule(String function, String name, String cron, String timezone, JsonNode data) {
    }

    private TriggerTable(JsonNode root) {
        Delivery defaults = delivery(root.path("defaults").path("delivery"), new Delivery(3, Duration.ofSeconds(1)));
        root.path("functions").fields().forEachRemaining(entry -> {
            String function = entry.getKey();
            entry.getValue().path("consumes").forEach(c ->
                    consumers.computeIfAbsent(c.path("type").asText(), t -> new ArrayList<>()).add(function));
            delivery.put(function, delivery(entry.getValue().path("delivery"), defaults));
            List<String> types = new ArrayList<>();
            entry.getValue().path("emits").forEach(type -> types.add(type.asText()));
            emits.put(function, List.copyOf(types));
            entry.getValue().path("schedules").forEach(schedule -> schedules.add(new Schedule(function,
                    schedule.path("name").asText(), schedule.path("cron").asText(),
                    schedule.path("timezone").asText("UTC"), schedule.path("data"))));
        });
    }

    public static TriggerTable fromClasspath() {
        try (InputStream in = TriggerTable.class.getResourceAsStream("/ragfn/triggers.yaml")) {
            if (in == null) {
                throw new IllegalStateException("ragfn/triggers.yaml is missing from the bundle");
            }
            return new TriggerTable(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read triggers.yaml", e);
        }
    }

    public List<String> consumersOf(String type) {
        return consumers.getOrDefault(type, List.of());
    }

    public List<Schedule> schedules() {
        return List.copyOf(schedules);
    }

    /** The types a function answers with, as declared. */
    public List<String> emitsOf(String function) {
        return emits.getOrDefault(function, List.of());
    }

    public Delivery deliveryOf(String function) {
        return delivery.getOrDefault(function, new Delivery(0, Duration.ZERO));
    }

    private static Delivery delivery(JsonNode node, Delivery fallback) {
        if (node.isMissingNode()) {
            return fallback;
        }
        return new Delivery(node.path("retry").asInt(fallback.retries()),
                node.has("backoffDelay") ? Duration.parse(node.path("backoffDelay").asText()) : fallback.backoff());
    }
}
