package dev.ragfn.shield.detect;

import java.util.List;

/** One detector following one {@link GrowingText}: what it has settled each time the text grows. */
public interface StreamedDetection {

    /** The text has grown: the findings no later text can change, and the {@link Detector#settled} offset. */
    Progress advance(GrowingText text);

    /** @param certain findings that start before {@code settled}; @param settled as {@link Detector#settled} */
    record Progress(List<Finding> certain, int settled) {
    }

    /** For a detector with nothing to look for in this text (no terms, no system prompt): all of it is settled. */
    static StreamedDetection nothingToFind() {
        return text -> new Progress(List.of(), text.length());
    }
}
