package dev.ragfn.summarize.analysis;

import java.time.Instant;

/** One point of a time series; the value may be NaN or infinite, as Prometheus can return them. */
public record Sample(Instant time, double value) {

    public boolean finite() {
        return Double.isFinite(value);
    }
}
