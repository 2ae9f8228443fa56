package dev.ragfn.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ragfn.core.event.EventTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * triggers/triggers.yaml declares who consumes and emits each event type. This test holds the
 * shared event types, the declaration and every function module's Funqy mapping and code to it.
 */
class TriggersConsistencyTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final Pattern CONSTANT = Pattern.compile("EventTypes\\.([A-Z_]+)");
    private static final Pattern TRIGGER = Pattern.compile("quarkus\\.funqy\\.knative-events\\.mapping\\.[^.]+\\.(trigger|response-type)");
    /**
     * The one type that is not ragfn's: a Knative PingSource sends every schedule's events with it.
     * A function that declares schedules in triggers.yaml may be routed on it; EventTypes does not list it.
     */
    static final String KNATIVE_PING = "dev.knative.sources.ping";

    @Test
    void should_declare_exactly_the_shared_event_types_when_triggers_are_read() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (JsonNode function : iterable(triggers().path("functions"))) {
            declared.addAll(consumed(function));
            declared.addAll(emitted(function));
        }

        assertThat(declared).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @Test
    void should_route_each_function_only_on_types_that_triggers_declares_for_it() throws IOException {
        JsonNode functions = triggers().path("functions");
        for (Path module : functionModules()) {
            String name = module.getFileName().toString();
            Path properties = module.resolve("src/main/resources/application.properties");
            if (!Files.exists(properties)) {
                continue;
            }
            Properties p = new Properties();
            try (Reader reader = Files.newBufferedReader(properties)) {
                p.load(reader);
            }
            for (String key : p.stringPropertyNames()) {
                Matcher m = TRIGGER.matcher(key);
                if (!m.matches()) {
                    continue;
                }
                JsonNode declared = functions.path(name);
                Set<String> allowed = "trigger".equals(m.group(1)) ? triggeredBy(declared) : emitted(declared);
                assertThat(allowed).as("%s: %s=%s must be declared for '%s' in triggers/triggers.yaml",
                        properties, key, p.getProperty(key), name).contains(p.getProperty(key));
            }
        }
    }

    @Test
    void should_use_in_code_only_the_types_that_triggers_declares_for_each_function() throws IOException {
        JsonNode functions = triggers().path("functions");
        Map<String, String> values = constants();
        for (Path module : functionModules()) {
            String name = module.getFileName().toString();
            Set<String> allowed = new HashSet<>(consumed(functions.path(name)));
            allowed.addAll(emitted(functions.path(name)));
            Path sources = module.resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = CONSTANT.matcher(Files.readString(file));
                    while (m.find()) {
                        assertThat(allowed).as("%s uses EventTypes.%s, which triggers/triggers.yaml does not declare for '%s'",
                                file, m.group(1), name).contains(values.get(m.group(1)));
                    }
                }
            }
        }
    }

    static JsonNode triggers() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("triggers/triggers.yaml").toFile());
    }

    static Set<String> consumed(JsonNode function) {
        Set<String> types = new TreeSet<>();
        function.path("consumes").forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    /** The consumed types, and Knative's ping type when the function has schedules. */
    static Set<String> triggeredBy(JsonNode function) {
        Set<String> types = consumed(function);
        if (!function.path("schedules").isEmpty()) {
            types.add(KNATIVE_PING);
        }
        return types;
    }

    static Set<String> emitted(JsonNode function) {
        Set<String> types = new TreeSet<>();
        function.path("emits").forEach(e -> types.add(e.asText()));
        return types;
    }

    /** Function modules: folders under functions/ with a pom, except the bundle, which runs them all. */
    static Iterable<Path> functionModules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("functions"))) {
            return dirs.filter(d -> Files.exists(d.resolve("pom.xml")))
                    .filter(d -> !d.getFileName().toString().equals("bundle"))
                    .sorted().toList();
        }
    }

    private static Map<String, String> constants() {
        Map<String, String> values = new java.util.HashMap<>();
        for (Field field : EventTypes.class.getFields()) {
            try {
                if (field.getType() == String.class) {
                    values.put(field.getName(), (String) field.get(null));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            return new Iterator<>() {
                public boolean hasNext() {
                    return fields.hasNext();
                }

                public JsonNode next() {
                    return fields.next().getValue();
                }
            };
        };
    }
}
