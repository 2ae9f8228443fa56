package dev.ragfn.summarize;

import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Role;
import io.quarkus.funqy.Context;
import dev.ragfn.runtime.observe.ObservedFunction;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;

import java.time.Instant;

/**
 * Triggered by {@code dev.ragfn.summary.requested} (an operator, over events or HTTP) and by the
 * schedules of triggers.yaml; answers {@code dev.ragfn.summary.created} with the summary of the
 * requested window, the stored one if that window was summarised before.
 */
@ObservedFunction
public class SummarizeFunction {

    /**
     * The type of every event a Knative PingSource sends, whatever its data: Knative's, not ragfn's,
     * so {@code EventTypes} does not list it. Only the schedule Triggers generated from triggers.yaml
     * deliver it here.
     */
    public static final String KNATIVE_PING = "dev.knative.sources.ping";

    private final SummaryService service;
    private final Access access;

    public SummarizeFunction(SummaryService service, Access access) {
        this.service = service;
        this.access = access;
    }

    /**
     * Takes the payload rather than a {@code CloudEvent<SummaryRequest>}: Funqy refuses plain HTTP
     * for functions whose input is a CloudEvent, and the event's attributes arrive through
     * {@code @Context} anyway (null for plain HTTP).
     */
    @Funq
    public SummaryCreated summarize(SummaryRequest request, @Context CloudEvent<?> event) {
        String named = event == null || event.extensions() == null ? null : event.extensions().get(EventAttributes.TENANT);
        // Summaries are an admin's to request; the caller's tenant fills in when the request names none.
        String tenant = access.require(Role.ADMIN, named != null || request == null ? named : request.tenant()).tenant();
        Instant time = event == null || event.time() == null ? null : event.time().toInstant();
        return service.summarize(request, tenant, time);
    }

    /**
     * A schedule's firing: on Knative a PingSource event carrying the schedule's data (Funqy routes
     * one event type to one function, hence a second entry point); on Lambda EventBridge Scheduler
     * calls {@link #summarize} directly, which {@code QUARKUS_FUNQY_EXPORT} in sam/ selects.
     */
    @Funq
    public SummaryCreated onSchedule(SummaryRequest request, @Context CloudEvent<?> event) {
        return summarize(request, event);
    }
}
