package dev.ragfn.shield.guard;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;

import java.util.List;

/** Puts a {@link GuardModel} behind the detector interface; an unsafe verdict covers the whole text. */
public final class GuardModelDetector implements Detector {

    private final GuardModel model;

    public GuardModelDetector(GuardModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "guard-model";
    }

    @Override
    public Category category() {
        return Category.UNSAFE_CONTENT;
    }

    @Override
    public List<Finding> detect(ShieldRequest request) {
        GuardAssessment assessment = model.assess(request.text(), request.direction());
        if (assessment.safe()) {
            return List.of();
        }
        return List.of(new Finding(0, request.text().length(), "unsafe " + String.join(",", assessment.categories())));
    }
}
