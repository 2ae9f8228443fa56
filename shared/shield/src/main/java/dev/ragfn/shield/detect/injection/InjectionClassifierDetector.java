package dev.ragfn.shield.detect.injection;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;

import java.util.List;

/**
 * Prompt injection as the in-process {@link InjectionClassifier} sees it: flags the whole text when its score
 * reaches the threshold chosen at training. It catches phrasings no rule names (other languages, role-play set-ups)
 * but, trained on a few hundred public examples, it also flags some ordinary instructions to an assistant
 * ("Summarise the attached report"), so policies enable it on purpose, beside {@code prompt-injection}.
 */
public final class InjectionClassifierDetector implements Detector {

    private final InjectionClassifier classifier;

    /** With the classifier that ships with ragfn. */
    public InjectionClassifierDetector() {
        this(InjectionClassifier.bundled());
    }

    public InjectionClassifierDetector(InjectionClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public String id() {
        return "prompt-injection-classifier";
    }

    @Override
    public Category category() {
        return Category.PROMPT_INJECTION;
    }

    @Override
    public List<Finding> detect(ShieldRequest request) {
        if (request.text().isBlank() || !classifier.isInjection(request.text())) {
            return List.of();
        }
        return List.of(new Finding(0, request.text().length(), "classified as injection"));
    }
}
