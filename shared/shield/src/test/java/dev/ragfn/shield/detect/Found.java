package dev.ragfn.shield.detect;

import dev.ragfn.shield.ShieldRequest;

import java.util.List;

/** What a detector found in a text, as the found substrings, so assertions read like the text. */
public final class Found {

    private Found() {
    }

    public static List<String> in(Detector detector, String text) {
        return in(detector, ShieldRequest.input(text, null, null));
    }

    public static List<String> in(Detector detector, ShieldRequest request) {
        return detector.detect(request).stream()
                .map(finding -> request.text().substring(finding.start(), finding.end()))
                .toList();
    }
}
