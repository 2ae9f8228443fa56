package dev.ragfn.shield.detect.injection;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Logistic regression over {@link InjectionFeatures}, trained on the training part of the public prompt-injection
 * set by {@code PromptInjectionTraining} (test sources), which also picks the threshold by cross-validation. The
 * features' naive Bayes scaling used in training is already multiplied into the weights.
 * The weights ship as the resource {@value #RESOURCE}: a gzip of the threshold, the bias and one float per bucket.
 */
public final class InjectionClassifier {

    public static final String RESOURCE = "/shield/prompt-injection-classifier.bin";

    private final float[] weights;
    private final float bias;
    private final float threshold;

    public InjectionClassifier(float[] weights, float bias, float threshold) {
        if (weights.length != InjectionFeatures.DIMENSIONS) {
            throw new IllegalArgumentException("Expected " + InjectionFeatures.DIMENSIONS + " weights, got " + weights.length);
        }
        this.weights = weights;
        this.bias = bias;
        this.threshold = threshold;
    }

    /** The classifier that ships with ragfn. */
    public static InjectionClassifier bundled() {
        try (InputStream in = InjectionClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + "; run PromptInjectionTraining");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the prompt-injection classifier " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static InjectionClassifier read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in));
        float threshold = data.readFloat();
        float bias = data.readFloat();
        float[] weights = new float[InjectionFeatures.DIMENSIONS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = data.readFloat();
        }
        return new InjectionClassifier(weights, bias, threshold);
    }

    public void write(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeFloat(threshold);
            data.writeFloat(bias);
            for (float weight : weights) {
                data.writeFloat(weight);
            }
        }
    }

    /** Probability that the text is an injection. */
    public double score(String text) {
        return score(InjectionFeatures.of(text));
    }

    public double score(int[] features) {
        double value = 1.0 / Math.sqrt(Math.max(1, features.length));
        double z = bias;
        for (int feature : features) {
            z += weights[feature] * value;
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public boolean isInjection(String text) {
        return score(text) >= threshold;
    }

    public float threshold() {
        return threshold;
    }
}
