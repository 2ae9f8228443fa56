package dev.ragfn.bundle.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the bundle's local broker. */
@ConfigMapping(prefix = "ragfn.broker")
public interface BrokerConfig {

    /** Largest CloudEvent the ingress takes, in bytes of the request body; larger documents go by source, not inline. */
    @WithDefault("1048576")
    int maxEventBytes();

    DeadLetters deadLetters();

    interface DeadLetters {

        /** Largest dead letter kept, in bytes; a larger event's data is cut to fit and marked as cut. */
        @WithDefault("65536")
        int maxLetterBytes();

        /** Size at which dead-letters.jsonl is rotated to dead-letters.1.jsonl. */
        @WithDefault("10485760")
        long maxFileBytes();

        /** Dead-letter files kept, the current one included; the oldest is deleted on rotation. */
        @WithDefault("5")
        int maxFiles();
    }
}
