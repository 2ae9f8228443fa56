package dev.ragfn.shield.detect;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;

import java.util.List;
import java.util.Locale;

/**
 * Finds one kind of risk in a text. Detectors only report where; the policy decides what to do.
 * Every pattern a detector runs must take time linear in the text length, whatever the text.
 */
public interface Detector {

    /** The name policies use, such as {@code email}. */
    String id();

    Category category();

    /** Findings in the request's text, with offsets into that text. */
    List<Finding> detect(ShieldRequest request);

    /**
     * For a text still being written, such as a streamed answer: the offset before which text appended
     * later cannot change this detector's verdict. A finding that starts before it keeps its start and stays
     * a finding whatever follows (its end too, if that is also before it), and no new finding can start
     * before it. Derived from what the detector matches, so a stream holds back no more than a match in
     * progress. The default, zero, suits detectors that judge the whole text: nothing is settled before the
     * text is complete.
     */
    default int settled(ShieldRequest request) {
        return 0;
    }

    /**
     * Follows a text still being written, piece by piece, for the {@code request}'s tenant, direction and system
     * prompt (its text is not used). The default judges the text whole, now and then ({@link WholeTextDetection});
     * detectors that can resume where they stopped read only what is new and what may still be a match in progress.
     */
    default StreamedDetection streamed(ShieldRequest request) {
        return new WholeTextDetection(this);
    }

    /** What replaces a finding when the policy redacts it. */
    default String replacement() {
        return "[" + id().toUpperCase(Locale.ROOT).replace('-', '_') + "]";
    }
}
