package dev.ragfn.shield.detect;

import java.util.List;

/**
 * A detector that judges the text whole, following a stream: it reruns {@link Detector#detect} and
 * {@link Detector#settled} on all of the text at a sentence end or once the text has grown by a quarter, but never
 * before it has grown by a sixteenth since the last run, so a stream's runs read at most about 17 times its length
 * in all. In between, the last run's result stands: still true of the longer text, only more cautious.
 */
final class WholeTextDetection implements StreamedDetection {

    private final Detector detector;
    private int checkedLength = -1;
    private Progress last = new Progress(List.of(), 0);

    WholeTextDetection(Detector detector) {
        this.detector = detector;
    }

    @Override
    public Progress advance(GrowingText text) {
        int since = Math.max(0, checkedLength);
        int grown = text.length() - checkedLength;
        if (grown >= Math.max(1, since / 16) && (text.endsSentence() || grown >= Math.max(1, since / 4))) {
            var whole = text.request();
            text.scanned(text.length());
            int settled = detector.settled(whole);
            last = new Progress(detector.detect(whole).stream().filter(finding -> finding.start() < settled).toList(),
                    settled);
            checkedLength = text.length();
        }
        return last;
    }
}
