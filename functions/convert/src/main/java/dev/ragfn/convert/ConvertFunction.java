package dev.ragfn.convert;

import dev.ragfn.runtime.http.RequestBodies;
import io.quarkus.funqy.Funq;

/** Turns a source repository into a Validated Pattern on {@code dev.ragfn.conversion.requested}. */
public class ConvertFunction {

    private final ConvertService service;

    public ConvertFunction(ConvertService service) {
        this.service = service;
    }

    @Funq
    public ConversionResult convert(ConversionRequest request) {
        return service.convert(RequestBodies.required(request, "a conversion request"));
    }
}
