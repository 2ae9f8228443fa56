package dev.ragfn.convert;

import dev.ragfn.runtime.http.RequestBodies;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/**
 * Turns a source repository into a Validated Pattern on {@code dev.ragfn.conversion.requested}.
 * The answer is a {@link Uni} so that Funqy's worker thread is free at once: the conversion runs
 * on threads of its own (see {@link ConvertService}).
 */
public class ConvertFunction {

    private final ConvertService service;

    public ConvertFunction(ConvertService service) {
        this.service = service;
    }

    @Funq
    public Uni<ConversionResult> convert(ConversionRequest request) {
        return service.convert(RequestBodies.required(request, "a conversion request"));
    }
}
