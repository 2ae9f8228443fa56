package dev.ragfn.runtime.funqy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.ragfn.core.error.InvalidInputException;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The structured JSON form of a CloudEvent ({"specversion", "id", "source", "type", extensions as
 * top-level attributes, "data"}) for Funqy's CloudEvent type, which Jackson cannot read or write on
 * its own. Funqy's Lambda binding needs it: on Lambda a function taking a CloudEvent receives the
 * structured event that EventBridge carries, and every answer reaches the bus as one. Funqy's Knative
 * binding reads and writes CloudEvents itself and never asks Jackson for this type. On Lambda a
 * function taking an event's data may receive the whole event too ({@link EventEnvelopes}).
 */
@Singleton
public class CloudEventJson implements ObjectMapperCustomizer {

    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of("specversion", "id", "source", "type", "subject",
            "time", "datacontenttype", "dataschema", "data", "data_base64");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** The module itself, for mappers outside CDI. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("ragfn-structured-cloudevents");
        module.addSerializer(new Writer());
        module.setDeserializerModifier(EventEnvelopes.modifier());
        module.setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription bean) {
                return CloudEvent.class.isAssignableFrom(type.getRawClass())
                        && type.getRawClass().isAssignableFrom(StructuredCloudEvent.class)
                        ? new Reader(type.containedTypeOrUnknown(0)) : null;
            }
        });
        return module;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class Writer extends StdSerializer<CloudEvent> {

        Writer() {
            super(CloudEvent.class);
        }

        /** Like Funqy's Knative binding, fills in the id and spec version a reply left out. */
        @Override
        public void serialize(CloudEvent event, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("specversion", event.specVersion() == null ? StructuredCloudEvent.SPEC_VERSION
                    : event.specVersion());
            json.writeStringField("id", event.id() == null ? UUID.randomUUID().toString() : event.id());
            writeIfPresent(json, "source", event.source());
            writeIfPresent(json, "type", event.type());
            writeIfPresent(json, "subject", event.subject());
            writeIfPresent(json, "time", event.time() == null ? null : event.time().toString());
            writeIfPresent(json, "dataschema", event.dataSchema());
            Map<String, String> extensions = IncomingEvents.extensions(event);
            for (Map.Entry<String, String> extension : extensions.entrySet()) {
                json.writeStringField(extension.getKey(), extension.getValue());
            }
            if (event.data() != null) {
                writeIfPresent(json, "datacontenttype", event.dataContentType());
                provider.defaultSerializeField("data", event.data(), json);
            }
            json.writeEndObject();
        }

        private static void writeIfPresent(JsonGenerator json, String name, String value) throws IOException {
            if (value != null) {
                json.writeStringField(name, value);
            }
        }
    }

    /** Reads a structured CloudEvent with data of the given type; names the attribute that is missing or wrong. */
    private static final class Reader extends StdDeserializer<CloudEvent<?>> {

        private final JavaType dataType;

        Reader(JavaType dataType) {
            super(CloudEvent.class);
            this.dataType = dataType;
        }

        @Override
        public CloudEvent<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode event = context.readTree(parser);
            if (!event.isObject()) {
                throw new InvalidInputException("a structured CloudEvent is a JSON object, not " + event.getNodeType());
            }
            String contentType = optional(event, "datacontenttype");
            if (event.has("data_base64") || contentType != null && !contentType.startsWith(StructuredCloudEvent.JSON)) {
                throw new InvalidInputException("the CloudEvent's data must be JSON (datacontenttype "
                        + StructuredCloudEvent.JSON + "), not " + (contentType == null ? "base64" : contentType));
            }
            JsonNode data = event.path("data");
            return new StructuredCloudEvent<>(required(event, "specversion"), required(event, "id"),
                    required(event, "source"), required(event, "type"), optional(event, "subject"), time(event),
                    extensions(event),
                    data.isMissingNode() || data.isNull() ? null : context.readTreeAsValue(data, dataType));
        }

        private static String required(JsonNode event, String attribute) {
            String value = optional(event, attribute);
            if (value == null || value.isEmpty()) {
                throw new InvalidInputException("the CloudEvent has no '" + attribute
                        + "'; a structured CloudEvent needs specversion, id, source and type");
            }
            return value;
        }

        private static String optional(JsonNode event, String attribute) {
            JsonNode value = event.get(attribute);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode()) {
                throw new InvalidInputException("the CloudEvent attribute '" + attribute + "' must be a string, not "
                        + value.getNodeType());
            }
            return value.asText();
        }

        private static OffsetDateTime time(JsonNode event) {
            String time = optional(event, "time");
            try {
                return time == null ? null : OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("the CloudEvent's time '" + time + "' is not an RFC 3339 timestamp", e);
            }
        }

        private static Map<String, String> extensions(JsonNode event) {
            Map<String, String> extensions = new HashMap<>();
            event.properties().forEach(attribute -> {
                if (!CONTEXT_ATTRIBUTES.contains(attribute.getKey())) {
                    extensions.put(attribute.getKey(), optional(event, attribute.getKey()));
                }
            });
            extensions.values().removeIf(Objects::isNull);
            return extensions;
        }
    }
}
