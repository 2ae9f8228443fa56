package dev.ragfn.convert;

import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.http.RequestBodies;
import dev.ragfn.runtime.observe.ObservedFunction;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/**
 * Turns a source repository into a Validated Pattern on {@code dev.ragfn.conversion.requested};
 * over HTTP, for admins. The answer is a {@link Uni} so that Funqy's worker thread is free at
 * once: the conversion runs on threads of its own (see {@link ConvertService}).
 */
@ObservedFunction
public class ConvertFunction {

    private final ConvertService service;
    private final Access access;

    public ConvertFunction(ConvertService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @Funq
    public Uni<ConversionResult> convert(ConversionRequest request) {
        access.require(Role.ADMIN, null);
        return service.convert(RequestBodies.required(request, "a conversion request"));
    }
}
