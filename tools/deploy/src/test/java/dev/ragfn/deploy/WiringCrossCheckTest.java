package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifests as written, read back against triggers/triggers.yaml as written: independent of the generator. */
class WiringCrossCheckTest {

    /** Every PingSource event has Knative's type; the extension says which schedule fired. */
    private static final String PING = "dev.knative.sources.ping";
    private static final String SCHEDULE = "schedule";

    private static JsonNode functions;
    private static List<HasMetadata> resources;

    @BeforeAll
    static void read() throws IOException {
        functions = new ObjectMapper(new YAMLFactory()).readTree(Checkout.REPOSITORY.triggers().toFile()).path("functions");
        resources = Checkout.REPOSITORY.baseResources();
    }

    @Test
    void should_filter_each_trigger_on_a_type_its_subscriber_consumes_when_triggers_are_read() {
        List<Trigger> triggers = of(Trigger.class);
        assertThat(triggers).isNotEmpty();
        for (Trigger trigger : triggers) {
            String subscriber = trigger.getSpec().getSubscriber().getRef().getName();
            Map<String, String> filter = trigger.getSpec().getFilter().getAttributes();
            if (PING.equals(filter.get("type"))) {
                assertThat(schedule(subscriber, filter.get(SCHEDULE))).as("Trigger %s sends schedule '%s' to '%s', which declares no such schedule",
                        trigger.getMetadata().getName(), filter.get(SCHEDULE), subscriber).isNotNull();
                assertThat(filter).containsOnlyKeys("type", SCHEDULE);
                continue;
            }

            assertThat(consumed(subscriber)).as("Trigger %s sends %s to '%s', which triggers/triggers.yaml does not declare it consumes",
                    trigger.getMetadata().getName(), filter.get("type"), subscriber).contains(filter.get("type"));
            assertThat(subscriptions(subscriber)).as("attribute filters of Trigger %s", trigger.getMetadata().getName())
                    .contains(filter);
        }
    }

    @Test
    void should_have_a_trigger_for_every_consumed_type_when_a_function_is_deployed() {
        for (Service service : of(Service.class)) {
            String function = service.getMetadata().getName();
            Set<String> triggered = new TreeSet<>();
            of(Trigger.class).stream()
                    .filter(t -> t.getSpec().getSubscriber().getRef().getName().equals(function))
                    .filter(t -> !PING.equals(t.getSpec().getFilter().getAttributes().get("type")))
                    .forEach(t -> triggered.add(t.getSpec().getFilter().getAttributes().get("type")));

            assertThat(triggered).as("types that reach '%s'", function).isEqualTo(consumed(function));
        }
    }

    @Test
    void should_match_a_declared_schedule_and_reach_its_function_through_the_broker_when_a_ping_source_is_read() {
        List<PingSource> sources = of(PingSource.class);
        List<String> declared = new ArrayList<>();
        functions.properties().forEach(f -> f.getValue().path("schedules").forEach(s -> declared.add(s.path("name").asText())));
        assertThat(sources).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(declared);

        for (PingSource source : sources) {
            String name = source.getMetadata().getName();
            List<Trigger> routes = of(Trigger.class).stream()
                    .filter(t -> Map.of("type", PING, SCHEDULE, name).equals(t.getSpec().getFilter().getAttributes()))
                    .toList();
            assertThat(routes).as("Triggers of schedule %s", name).hasSize(1);
            String function = routes.getFirst().getSpec().getSubscriber().getRef().getName();
            JsonNode schedule = schedule(function, name);

            assertThat(schedule).as("PingSource %s reaches '%s', which declares no such schedule", name, function).isNotNull();
            assertThat(source.getSpec().getSink().getRef().getKind()).isEqualTo("Broker");
            assertThat(source.getSpec().getSink().getRef().getName()).isEqualTo(routes.getFirst().getSpec().getBroker());
            assertThat(source.getSpec().getCeOverrides().getExtensions()).containsExactly(Map.entry(SCHEDULE, name));
            assertThat(source.getSpec().getSchedule()).isEqualTo(schedule.path("cron").asText());
            assertThat(source.getSpec().getTimezone()).isEqualTo(schedule.path("timezone").asText());
            assertThat(json(source.getSpec().getData())).isEqualTo(schedule.path("data"));
        }
    }

    private static Set<String> consumed(String function) {
        Set<String> types = new TreeSet<>();
        functions.path(function).path("consumes").forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    private static List<Map<String, String>> subscriptions(String function) {
        List<Map<String, String>> subscriptions = new ArrayList<>();
        functions.path(function).path("consumes").forEach(c -> {
            Map<String, String> attributes = new TreeMap<>();
            c.properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
            subscriptions.add(attributes);
        });
        return subscriptions;
    }

    private static JsonNode schedule(String function, String name) {
        for (JsonNode schedule : functions.path(function).path("schedules")) {
            if (schedule.path("name").asText().equals(name)) {
                return schedule;
            }
        }
        return null;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("PingSource data is not JSON: " + text, e);
        }
    }

    private static <T> List<T> of(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
