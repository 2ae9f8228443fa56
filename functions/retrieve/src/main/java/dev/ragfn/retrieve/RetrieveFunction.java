package dev.ragfn.retrieve;

import dev.ragfn.runtime.http.RequestBodies;
import io.quarkus.funqy.Funq;

/** Plain HTTP: {@code POST /retrieve} with a {@link RetrieveRequest} as JSON answers a {@link RetrieveResponse}. */
public class RetrieveFunction {

    private final RetrieveService service;

    public RetrieveFunction(RetrieveService service) {
        this.service = service;
    }

    @Funq
    public RetrieveResponse retrieve(RetrieveRequest request) {
        return service.retrieve(RequestBodies.required(request, "a retrieve request"));
    }
}
