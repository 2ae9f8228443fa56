package dev.ragfn.shield.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Shield settings; the shield function's README lists them. */
@ConfigMapping(prefix = "ragfn.shield")
public interface ShieldConfig {

    /** Directory of policy files (default.yaml, tenant.yaml, tenant/kb.yaml); unset means the built-in default for everyone. */
    Optional<Path> policyDir();

    Guard guard();

    interface Guard {

        /** Base URL of an OpenAI-compatible endpoint serving a guard model (such as http://vllm:8000/v1); unset means no guard model. */
        Optional<URI> url();

        /** Model name sent to the guard endpoint. */
        @WithDefault("meta-llama/Llama-Guard-3-1B")
        String model();

        /** API key for the guard endpoint, from the environment (RAGFN_SHIELD_GUARD_API_KEY); unset sends none. */
        Optional<String> apiKey();

        /** How long one guard call may take, connection included. */
        @WithDefault("10s")
        Duration timeout();
    }
}
