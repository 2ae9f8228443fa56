package dev.ragfn.shield;

import java.util.function.Consumer;

/**
 * A model answer checked by the output shield while it streams: text goes out only once the shield has passed
 * it, as far as no later text can change the verdict ({@link Shield#checkSoFar}), redacted where the policy
 * redacts. What might still turn out to be part of a finding is held back, so the pieces that go out add up to
 * the text {@link Shield#check} passes for the complete answer, or, when it blocks, to less than where the first
 * blocked finding starts. Each piece costs about its own length: the detectors resume where the last piece left
 * them ({@link StreamCheck}); {@link #finish} checks the complete answer whole. One writer at a time.
 */
public final class ShieldedStream {

    private final Shield shield;
    private final String tenant;
    private final String knowledgeBase;
    private final String systemPrompt;
    private final Consumer<String> passed;
    private final StreamCheck check;
    private final StringBuilder text = new StringBuilder();
    /** How much of the answer has gone out, and how long that was once redacted. */
    private int released;
    private int sent;
    private ShieldVerdict blocked;

    /**
     * @param systemPrompt the prompt the answer is written under, so that reciting it blocks; may be null
     * @param passed       receives each piece of text the shield has passed, in order
     */
    public ShieldedStream(Shield shield, String tenant, String knowledgeBase, String systemPrompt,
                          Consumer<String> passed) {
        this.shield = shield;
        this.tenant = tenant;
        this.knowledgeBase = knowledgeBase;
        this.systemPrompt = systemPrompt;
        this.passed = passed;
        ShieldRequest request = request("");
        this.check = new StreamCheck(shield.policyFor(request), request);
    }

    /** Adds the next piece of the answer; false once the shield has blocked it, after which nothing goes out. */
    public boolean append(String piece) {
        if (blocked != null) {
            return false;
        }
        int checked = text.length() - (endsInHalfCharacter() ? 1 : 0);
        text.append(piece);
        // A character split across two pieces is checked once whole.
        int whole = text.length() - (endsInHalfCharacter() ? 1 : 0);
        PartialVerdict partial = check.append(text.subSequence(checked, whole), released);
        ShieldVerdict verdict = partial.verdict();
        if (verdict.blocked()) {
            blocked = verdict;
            return false;
        }
        released = partial.released();
        if (!verdict.text().isEmpty()) {
            passed.accept(verdict.text());
            sent += verdict.text().length();
        }
        return true;
    }

    /** The answer is complete: {@link Shield#check}'s verdict on all of it, and what was held back goes out unless blocked. */
    public ShieldVerdict finish() {
        if (blocked != null) {
            return blocked;
        }
        ShieldVerdict verdict = shield.check(request(text.toString()));
        if (verdict.blocked()) {
            blocked = verdict;
        } else {
            pass(verdict.text());
        }
        return verdict;
    }

    /** Characters the detectors have read for this stream so far: a stream's cost, free of timing (for tests). */
    long scannedCharacters() {
        return check.scannedCharacters();
    }

    private boolean endsInHalfCharacter() {
        return !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1));
    }

    /** The verdict that stopped the stream, if one did. */
    public ShieldVerdict blocked() {
        return blocked;
    }

    private ShieldRequest request(String soFar) {
        return ShieldRequest.output(soFar, tenant, knowledgeBase, systemPrompt);
    }

    private void pass(String passable) {
        if (passable.length() > sent) {
            passed.accept(passable.substring(sent));
            sent = passable.length();
        }
    }
}
