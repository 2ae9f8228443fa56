package dev.ragfn.convert;

import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Role;
import io.quarkus.funqy.Funq;

/** Turns a source repository into a Validated Pattern on {@code dev.ragfn.conversion.requested}; over HTTP, for admins. */
public class ConvertFunction {

    private final ConvertService service;
    private final Access access;

    public ConvertFunction(ConvertService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @Funq
    public ConversionResult convert(ConversionRequest request) {
        access.require(Role.ADMIN, null);
        return service.convert(request);
    }
}
