package dev.ragfn.embedding;

import dev.ragfn.core.config.RagfnConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Starts loading the configured in-process model as early in the application's start-up as beans exist, on a
 * thread of its own, and keeps the function unready until it has loaded: Knative routes no request to a pod
 * that would stall on the load, and a load that failed says why here as well as in every embedding's error.
 */
@Readiness
@ApplicationScoped
public class InProcessModelReadiness implements HealthCheck {

    static final String NAME = "ragfn-embedding-model";

    /**
     * When the bean container starts (Quarkus's static init, about a quarter into the start-up: StartupEvent comes
     * at its end). The runtime configuration mapping does not exist yet, so this reads its two keys from the
     * configuration sources (environment, system properties, application.properties), unset meaning RagfnConfig's
     * defaults; {@link #checkModel} checks them and names what is wrong.
     */
    void startLoading(@Observes @Initialized(ApplicationScoped.class) @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                      Object containerStarted) {
        Config config = ConfigProvider.getConfig();
        try {
            if (config.getOptionalValue("ragfn.embedding.provider", RagfnConfig.EmbeddingProvider.class)
                    .orElse(RagfnConfig.EmbeddingProvider.IN_PROCESS) == RagfnConfig.EmbeddingProvider.IN_PROCESS) {
                InProcessModel.named(config.getOptionalValue("ragfn.embedding.model", String.class)
                        .orElse(InProcessEmbeddingBackend.DEFAULT_MODEL.configName())).ifPresent(InProcessEmbeddingModel::preload);
            }
        } catch (IllegalArgumentException e) {
            // not a provider: the runtime configuration rejects it, naming the key
        }
    }

    /** With the runtime configuration: a model name or dimension that is wrong fails the start, not the first event. */
    void checkModel(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started, RagfnConfig config) {
        if (config.embedding().provider() == RagfnConfig.EmbeddingProvider.IN_PROCESS) {
            InProcessEmbeddingModel.preload(InProcessEmbeddingBackend.configured(config));
        }
    }

    @Override
    public HealthCheckResponse call() {
        return response(InProcessEmbeddingModel.loadState());
    }

    static HealthCheckResponse response(LoadedModels.State<InProcessModel> state) {
        return switch (state) {
            case LoadedModels.State.Ready<InProcessModel> ready -> HealthCheckResponse.named(NAME).up().build();
            case LoadedModels.State.Loading<InProcessModel>(var model) -> HealthCheckResponse.named(NAME).down()
                    .withData("model", model.configName()).withData("state", "loading").build();
            case LoadedModels.State.Failed<InProcessModel>(var model, var error) -> HealthCheckResponse.named(NAME).down()
                    .withData("model", model.configName()).withData("error", error).build();
        };
    }
}
