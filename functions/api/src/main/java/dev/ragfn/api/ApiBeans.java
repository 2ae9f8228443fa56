package dev.ragfn.api;

import dev.ragfn.core.port.EventPublisher;
import dev.ragfn.aws.LocalCredentials;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/**
 * The API's wiring: events go to the EventBridge bus when one is named (Lambda), else to the broker over
 * HTTP, unless the process has a broker of its own (the bundle).
 */
@ApplicationScoped
public class ApiBeans {

    @Produces
    @Singleton
    @DefaultBean
    EventPublisher eventPublisher(ApiConfig config) {
        if (config.eventBus().isPresent()) {
            EventBridgeClientBuilder client = EventBridgeClient.builder().httpClientBuilder(Apache5HttpClient.builder());
            config.eventBusEndpoint().ifPresent(endpoint -> client.endpointOverride(endpoint)
                    .region(Region.US_EAST_1).credentialsProvider(LocalCredentials.unlessInEnvironment()));
            return new EventBridgePublisher(client.build(), config.eventBus().get());
        }
        return new HttpEventPublisher(config.brokerUrl());
    }

    void close(@Disposes EventPublisher publisher) throws Exception {
        if (publisher instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
