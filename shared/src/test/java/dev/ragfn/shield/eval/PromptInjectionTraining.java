package dev.ragfn.shield.eval;

import dev.ragfn.shield.detect.TextNormalizer;
import dev.ragfn.shield.detect.injection.InjectionClassifier;
import dev.ragfn.shield.detect.injection.InjectionFeatures;
import dev.ragfn.shield.eval.PublicSets.InjectionExample;
import dev.ragfn.shield.eval.PublicSets.Split;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Trains the prompt-injection classifier on the TRAIN part of the public set only, picks its epochs, L2 weight and
 * threshold by 5-fold cross-validation on that part (the lowest score at which out-of-fold precision stays at or above
 * {@value #TARGET_PRECISION}), and writes the resource the detector loads. Deterministic: the same data gives the
 * same file.
 * <p>
 * Usage: {@code PromptInjectionTraining [eval-folder] [output-file]}; see README, "Shield quality".
 */
public final class PromptInjectionTraining {

    static final double TARGET_PRECISION = 0.95;
    private static final int FOLDS = 5;
    private static final double LEARNING_RATE = 0.5;
    /** Settings tried; the one with the best cross-validated recall at the target precision is kept. */
    private static final List<Settings> GRID = List.of(new Settings(10, 1e-5), new Settings(30, 1e-5),
            new Settings(30, 1e-4), new Settings(60, 1e-5), new Settings(30, 1e-3), new Settings(30, 3e-3),
            new Settings(30, 1e-2));

    record Settings(int epochs, double l2) {
    }

    record Choice(Settings settings, float threshold, double recall) {
    }

    record Sample(int[] features, boolean injection, int fold) {
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : PublicSets.defaultFolder().orElseThrow();
        Path output = Path.of(args.length > 1 ? args[1] : "shared/src/main/resources" + InjectionClassifier.RESOURCE);
        List<Sample> samples = samples(PublicSets.read(folder).injection());
        Choice best = null;
        for (Settings settings : GRID) {
            Choice choice = crossValidate(samples, settings);
            System.out.printf(Locale.ROOT, "%s: cross-validated recall %.3f at precision >= %.2f%n", settings,
                    choice.recall(), TARGET_PRECISION);
            if (best == null || choice.recall() > best.recall()) {
                best = choice;
            }
        }
        float threshold = best.threshold();
        InjectionClassifier model = train(samples, threshold, best.settings());
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            model.write(out);
        }
        System.out.printf(Locale.ROOT, "%d training examples; %s and threshold %.4f chosen by %d-fold cross-validation;"
                + " wrote %s%n", samples.size(), best.settings(), threshold, FOLDS, output);
    }

    private static Choice crossValidate(List<Sample> samples, Settings settings) {
        double[] outOfFold = new double[samples.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            int held = fold;
            InjectionClassifier model = train(samples.stream().filter(s -> s.fold() != held).toList(), 0.5f, settings);
            for (int i = 0; i < samples.size(); i++) {
                if (samples.get(i).fold() == held) {
                    outOfFold[i] = model.score(samples.get(i).features());
                }
            }
        }
        return threshold(samples, outOfFold, settings);
    }

    static List<Sample> samples(List<InjectionExample> examples) {
        List<Sample> samples = new ArrayList<>();
        for (InjectionExample example : examples) {
            if (example.split() == Split.TRAIN) {
                CRC32 crc = new CRC32();
                crc.update(example.text().getBytes(StandardCharsets.UTF_8));
                samples.add(new Sample(InjectionFeatures.of(TextNormalizer.normalize(example.text()).text()),
                        example.injection(), (int) (crc.getValue() % FOLDS)));
            }
        }
        return samples;
    }

    static InjectionClassifier train(List<Sample> samples, float threshold, Settings settings) {
        float[] weights = new float[InjectionFeatures.DIMENSIONS];
        double bias = 0;
        List<Sample> order = new ArrayList<>(samples);
        Random random = new Random(42);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            double rate = LEARNING_RATE / (1 + 0.1 * epoch);
            for (Sample sample : order) {
                double value = 1.0 / Math.sqrt(Math.max(1, sample.features().length));
                double z = bias;
                for (int f : sample.features()) {
                    z += weights[f] * value;
                }
                double gradient = 1.0 / (1.0 + Math.exp(-z)) - (sample.injection() ? 1 : 0);
                for (int f : sample.features()) {
                    weights[f] -= (float) (rate * (gradient * value + settings.l2() * weights[f]));
                }
                bias -= rate * gradient;
            }
        }
        return new InjectionClassifier(weights, (float) bias, threshold);
    }

    /** The lowest out-of-fold score at which precision is still at or above the target, so recall is highest. */
    static Choice threshold(List<Sample> samples, double[] scores, Settings settings) {
        float best = 0.5f;
        double bestRecall = -1;
        int positives = (int) samples.stream().filter(Sample::injection).count();
        for (double candidate : scores) {
            int tp = 0, fp = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= candidate) {
                    if (samples.get(i).injection()) tp++;
                    else fp++;
                }
            }
            double precision = (double) tp / (tp + fp);
            double recall = (double) tp / positives;
            if (precision >= TARGET_PRECISION && (recall > bestRecall || recall == bestRecall && candidate > best)) {
                best = (float) candidate;
                bestRecall = recall;
            }
        }
        return new Choice(settings, best, bestRecall);
    }
}
