package dev.ragfn.core.event;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;

/**
 * The context attributes of an incoming CloudEvent, checked before its data is read: a binding that
 * parses events itself builds one, so an event no function could take is refused with a named problem
 * instead of being routed. The names in the messages are the binary mode's headers and the structured
 * mode's fields.
 */
public record EventEnvelope(String specVersion, String id, String source, String type, String dataContentType) {

    public EventEnvelope {
        if (!"1.0".equals(specVersion)) {
            throw new InvalidInputException("specversion must be 1.0 but was " + specVersion
                    + "; send a CloudEvent (ce-specversion header, or specversion in a structured event)");
        }
        if (type == null || type.isBlank() || source == null || source.isBlank()) {
            throw new InvalidInputException("a CloudEvent needs a type and a source (ce-type and ce-source headers, "
                    + "or type and source in a structured event)");
        }
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("a CloudEvent needs an id (ce-id header, or id in a structured event): "
                    + "a redelivery repeats it, which is how a function tells one");
        }
        Ids.id("the CloudEvent's id", id);
        Ids.id("the CloudEvent's source", source);
        Ids.id("the CloudEvent's type", type);
        if (EventTypes.isRagfns(type) && !EventTypes.all().contains(type)) {
            throw new InvalidInputException("unknown ragfn event type '" + type + "'; known types: " + EventTypes.all());
        }
        if (EventTypes.isRagfns(type) && dataContentType != null && !isJson(dataContentType)) {
            throw new InvalidInputException("datacontenttype must be application/json for " + type
                    + " but was '" + dataContentType + "'; ragfn's events carry JSON data");
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
