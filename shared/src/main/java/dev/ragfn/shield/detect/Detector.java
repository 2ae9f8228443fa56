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

    /** What replaces a finding when the policy redacts it. */
    default String replacement() {
        return "[" + id().toUpperCase(Locale.ROOT).replace('-', '_') + "]";
    }
}
