package dev.ragfn.shield.detect;

import dev.ragfn.shield.ShieldRequest;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text still being written, such as a streamed answer, as detectors follow it piece by piece: the text, its
 * NFKC fold as {@link PatternDetector} matches it (folded once per character, as it arrives), and how many
 * characters the detectors have read so far. Pieces must end on whole code points.
 */
public final class GrowingText {

    private final ShieldRequest request;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder folded = new StringBuilder();
    private int[] foldStart = new int[64];
    private int[] foldEnd = new int[64];
    private int pieceStart;
    private long scanned;

    /** @param request whose direction, tenant, knowledge base and system prompt apply; its text is not used */
    public GrowingText(ShieldRequest request) {
        this.request = request;
    }

    public void append(CharSequence piece) {
        pieceStart = text.length();
        text.append(piece);
        int i = pieceStart;
        while (i < text.length()) {
            int codePoint = Character.codePointAt(text, i);
            int next = i + Character.charCount(codePoint);
            String fold = Character.getType(codePoint) == Character.FORMAT ? ""
                    : codePoint < 0x80 ? String.valueOf((char) codePoint)
                    : Normalizer.normalize(text.substring(i, next), Normalizer.Form.NFKC);
            if (folded.length() + fold.length() >= foldStart.length) {
                foldStart = Arrays.copyOf(foldStart, (folded.length() + fold.length()) * 2);
                foldEnd = Arrays.copyOf(foldEnd, (folded.length() + fold.length()) * 2);
            }
            for (int k = 0; k < fold.length(); k++) {
                foldStart[folded.length()] = i;
                foldEnd[folded.length()] = next;
                folded.append(fold.charAt(k));
            }
            i = next;
        }
    }

    public int length() {
        return text.length();
    }

    public CharSequence text() {
        return text;
    }

    /** The text in NFKC, one code point at a time, without invisible format characters. */
    public CharSequence folded() {
        return folded;
    }

    /** Where folded character {@code index} starts in the text. */
    public int sourceStart(int index) {
        return foldStart[index];
    }

    /** Where the folded range ending at {@code end} ends in the text. */
    public int sourceEnd(int end) {
        return foldEnd[end - 1];
    }

    public int indexOf(String needle, int from) {
        return text.indexOf(needle, from);
    }

    /** The whole text so far as a request, for detectors that judge a text whole; counts it as read. */
    public ShieldRequest request() {
        scanned(text.length());
        return new ShieldRequest(text.toString(), request.direction(), request.tenant(), request.knowledgeBase(),
                request.systemPrompt());
    }

    /** Whether the last piece ended a sentence: a line break, or {@code .!?} followed by white space. */
    public boolean endsSentence() {
        for (int i = Math.max(0, pieceStart - 1); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A detector read {@code characters} of the text. */
    public void scanned(long characters) {
        scanned += characters;
    }

    /** Characters the detectors have read so far, over all pieces: what a stream costs, free of timing. */
    public long scannedCharacters() {
        return scanned;
    }
}
