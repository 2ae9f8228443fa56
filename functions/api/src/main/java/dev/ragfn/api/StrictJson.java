package dev.ragfn.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.lang.reflect.Type;
import java.util.function.BiFunction;

/**
 * How the API reads a request body ({@code @CustomDeserialization(StrictJson.class)}): a field it does not
 * know is refused rather than dropped, so a misspelt {@code "intructions"} is a 400 instead of an assistant
 * stored without instructions; and a fraction is not cut to a whole number ({@code "topK": 6.7}). Only the
 * API's routes: the functions beside it in the bundle keep Quarkus's lenient reading of events.
 */
public class StrictJson implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.constructType(type))
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
