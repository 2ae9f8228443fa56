package dev.ragfn.convert;

import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.funqy.IncomingEvents;
import dev.ragfn.runtime.http.RequestBodies;
import dev.ragfn.runtime.observe.ObservedFunction;
import io.quarkus.funqy.Context;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
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

    /**
     * Takes the payload rather than a {@code CloudEvent<ConversionRequest>}: Funqy refuses plain HTTP
     * for functions whose input is a CloudEvent; the event's attributes arrive through {@code @Context}
     * (null for plain HTTP).
     */
    @Funq
    public Uni<ConversionResult> convert(ConversionRequest request, @Context CloudEvent<?> event) {
        String named = event == null ? null : IncomingEvents.extensions(event).get(EventAttributes.TENANT);
        String tenant = access.require(Role.ADMIN, named != null || request == null ? named : request.tenant()).tenant();
        return service.convert(RequestBodies.required(request, "a conversion request"), tenant,
                event == null ? null : IncomingEvents.deliveryKey("convert", event));
    }
}
