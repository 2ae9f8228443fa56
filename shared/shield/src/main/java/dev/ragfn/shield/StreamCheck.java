package dev.ragfn.shield;

import dev.ragfn.shield.detect.GrowingText;
import dev.ragfn.shield.detect.StreamedDetection;
import dev.ragfn.shield.policy.CompiledPolicy;
import dev.ragfn.shield.policy.PolicyRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link Shield#checkSoFar} of a text that arrives piece by piece, each detector resuming where the last piece
 * left it ({@link dev.ragfn.shield.detect.Detector#streamed}), so a stream costs about its length, not its
 * length once per piece. One writer at a time.
 */
final class StreamCheck {

    private final CompiledPolicy policy;
    private final List<PolicyRule> rules;
    private final List<StreamedDetection> detections;
    private final GrowingText text;

    /** @param request whose policy, direction and system prompt apply; its text is not used */
    StreamCheck(CompiledPolicy policy, ShieldRequest request) {
        this.policy = policy;
        this.rules = policy.rulesFor(request.direction());
        this.detections = rules.stream().map(rule -> rule.detector().streamed(request)).toList();
        this.text = new GrowingText(request);
    }

    /**
     * Adds a piece (whole code points only) and checks the text so far. The verdict's text is the part of the
     * passable text from offset {@code from} of the checked text on, so a stream that passed text up to there
     * gets only what is new; {@link PartialVerdict#released} counts from the start.
     */
    PartialVerdict append(CharSequence piece, int from) {
        text.append(piece);
        Decision decision = Decision.ALLOW;
        List<String> reasons = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        int settled = text.length();
        for (int i = 0; i < rules.size(); i++) {
            StreamedDetection.Progress progress = detections.get(i).advance(text);
            settled = Math.min(settled, progress.settled());
            decision = decision.atLeast(Shield.record(rules.get(i), progress.certain(), reasons, spans));
        }
        spans.sort(Comparator.comparingInt(Span::start));
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Span span : spans) {
                if (span.start() < settled && span.end() > settled) {
                    settled = span.start();
                    moved = true;
                }
            }
        }
        int releasable = Math.max(settled, from);
        String passable = decision == Decision.BLOCK ? null : Redaction.apply(text.text(), from, releasable, spans);
        return new PartialVerdict(new ShieldVerdict(decision, reasons, spans, passable, policy.policy().name()),
                releasable);
    }

    /** Characters the detectors have read so far. */
    long scannedCharacters() {
        return text.scannedCharacters();
    }
}
