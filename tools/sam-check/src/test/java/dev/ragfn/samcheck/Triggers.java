package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** triggers/triggers.yaml, the declaration of the event wiring, as the template must follow it. */
record Triggers(JsonNode root) {

    record Delivery(int retry, String deadLetterSink) {
    }

    record Schedule(String name, String cron, String timezone, JsonNode data) {
    }

    static Triggers load() {
        return new Triggers(Repo.yaml(Repo.root().resolve("triggers/triggers.yaml")));
    }

    String broker() {
        return root.path("broker").asText();
    }

    /** Event types the function consumes; none for a function that triggers.yaml does not name. */
    Set<String> consumes(String function) {
        Set<String> types = new TreeSet<>();
        function(function).path("consumes").forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    Set<String> emits(String function) {
        Set<String> types = new TreeSet<>();
        function(function).path("emits").forEach(t -> types.add(t.asText()));
        return types;
    }

    /** Types some function emits: those reach the bus as Lambda destination results. */
    /** The types some function emits as its answer (a Lambda result on the bus), not by publishing them itself. */
    Set<String> answeredByAnyFunction() {
        Set<String> types = new TreeSet<>();
        root.path("functions").fieldNames().forEachRemaining(f -> {
            if (Repo.answersWithEvents(f)) {
                types.addAll(emits(f));
            }
        });
        return types;
    }

    List<Schedule> schedules(String function) {
        List<Schedule> schedules = new ArrayList<>();
        function(function).path("schedules").forEach(s -> schedules.add(new Schedule(s.path("name").asText(),
                s.path("cron").asText(), s.path("timezone").asText("UTC"), s.path("data"))));
        return schedules;
    }

    Delivery delivery(String function) {
        JsonNode delivery = function(function).path("delivery");
        if (delivery.isMissingNode()) {
            delivery = root.path("defaults").path("delivery");
        }
        return new Delivery(delivery.path("retry").asInt(), delivery.path("deadLetterSink").asText());
    }

    /** Attributes a subscription filters on besides its type (tenant, knowledgebase ...). */
    Set<String> filteredAttributes(String function) {
        Set<String> attributes = new TreeSet<>();
        function(function).path("consumes").forEach(c -> c.fieldNames().forEachRemaining(attributes::add));
        attributes.remove("type");
        return attributes;
    }

    /** A function given events or schedules: reached only through the bus, never by users (triggers.yaml's header). */
    boolean eventOnly(String function) {
        return !consumes(function).isEmpty() || !schedules(function).isEmpty();
    }

    private JsonNode function(String name) {
        return root.path("functions").path(name);
    }
}
