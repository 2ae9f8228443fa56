package dev.ragfn.shield.detect.content;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;

import java.util.List;

/** Text beyond the maximum length; redacting it truncates the text. */
public final class MaxLengthDetector implements Detector {

    private final int maxLength;

    public MaxLengthDetector(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public String id() {
        return "max-length";
    }

    @Override
    public Category category() {
        return Category.LENGTH;
    }

    @Override
    public String replacement() {
        return "";
    }

    @Override
    public List<Finding> detect(ShieldRequest request) {
        String text = request.text();
        if (text.length() <= maxLength) {
            return List.of();
        }
        int cut = Character.isLowSurrogate(text.charAt(maxLength)) ? maxLength - 1 : maxLength;
        return List.of(new Finding(cut, text.length(), "longer than " + maxLength + " characters"));
    }

    /** The cut never moves once the text is past it; before that, only text from the cut on can be found. */
    @Override
    public int settled(ShieldRequest request) {
        int length = request.text().length();
        return length > maxLength ? detect(request).getFirst().start() + 1 : Math.max(0, Math.min(length, maxLength - 1));
    }
}
