package dev.ragfn.core.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the data of a ragfn CloudEvent that a function takes on its own, without the event. Where a
 * platform hands the function the whole structured event instead (EventBridge on Lambda, so that its
 * trace context arrives), the function still receives the data (dev.ragfn.runtime.funqy.EventEnvelopes).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventData {
}
