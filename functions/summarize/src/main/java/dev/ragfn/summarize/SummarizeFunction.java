package dev.ragfn.summarize;

import dev.ragfn.core.event.EventAttributes;
import io.quarkus.funqy.Context;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;

import java.time.Instant;

/**
 * Triggered by {@code dev.ragfn.summary.requested} (a schedule, or an operator over HTTP); answers
 * {@code dev.ragfn.summary.created} with the summary of the requested window, the stored one if
 * that window was summarised before.
 */
public class SummarizeFunction {

    private final SummaryService service;

    public SummarizeFunction(SummaryService service) {
        this.service = service;
    }

    /**
     * Takes the payload rather than a {@code CloudEvent<SummaryRequest>}: Funqy refuses plain HTTP
     * for functions whose input is a CloudEvent, and the event's attributes arrive through
     * {@code @Context} anyway (null for plain HTTP).
     */
    @Funq
    public SummaryCreated summarize(SummaryRequest request, @Context CloudEvent<?> event) {
        String tenant = event == null || event.extensions() == null ? null : event.extensions().get(EventAttributes.TENANT);
        Instant time = event == null || event.time() == null ? null : event.time().toInstant();
        return service.summarize(request, tenant, time);
    }
}
