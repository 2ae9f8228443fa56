package dev.ragfn.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.json.Json;

/** A domain value kept whole as one JSON attribute, so that a new field needs no new attribute. */
final class JsonAttribute {

    private JsonAttribute() {
    }

    /** @param what names the value for the error, such as "assistant a1" */
    static String write(Object value, String what) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + what, e);
        }
    }

    /** @param unreadable begins the error when the attribute cannot be read, such as "the assistants table holds an unreadable assistant a1" */
    static <T> T read(String json, Class<T> type, String unreadable) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreUnavailableException(unreadable + ": " + e.getOriginalMessage(), e);
        }
    }
}
