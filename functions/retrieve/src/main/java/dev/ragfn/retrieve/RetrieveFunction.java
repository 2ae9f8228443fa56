package dev.ragfn.retrieve;

import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.http.RequestBodies;
import dev.ragfn.runtime.observe.ObservedFunction;
import io.quarkus.funqy.Funq;

/** Plain HTTP: {@code POST /retrieve} with a {@link RetrieveRequest} as JSON answers a {@link RetrieveResponse}. */
@ObservedFunction
public class RetrieveFunction {

    private final RetrieveService service;
    private final Access access;

    public RetrieveFunction(RetrieveService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @Funq
    public RetrieveResponse retrieve(RetrieveRequest request) {
        RetrieveRequest checked = RequestBodies.required(request, "a retrieve request");
        access.require(Role.READER, checked.tenant());
        return service.retrieve(checked);
    }
}
