package dev.ragfn.api;

import dev.ragfn.core.port.EventPublisher;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The API's wiring: events go to the broker over HTTP unless the process has a broker of its own (the bundle). */
@ApplicationScoped
public class ApiBeans {

    @Produces
    @Singleton
    @DefaultBean
    EventPublisher eventPublisher(ApiConfig config) {
        return new HttpEventPublisher(config.brokerUrl());
    }
}
