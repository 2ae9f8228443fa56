package dev.ragfn.shield.eval;

import dev.ragfn.shield.detect.injection.InjectionClassifier;
import dev.ragfn.shield.detect.injection.InjectionFeatures;
import dev.ragfn.shield.eval.PublicSets.InjectionExample;
import dev.ragfn.shield.eval.PublicSets.PiiExample;
import dev.ragfn.shield.eval.PublicSets.SecretExample;
import dev.ragfn.shield.eval.PublicSets.Split;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Trains the prompt-injection classifier on the TRAIN part of the public set only and writes the resource the detector
 * loads. The model is a logistic regression whose features are first scaled by their naive Bayes log-count ratio
 * (Wang and Manning's NBSVM, "Baselines and Bigrams", 2012): a feature seen mostly in injections, or mostly in ordinary
 * text, costs the L2 penalty less to weight than one seen in both, a prior that helps on a few hundred examples. The scaling folds into
 * the weights, so the detector still computes one dot product. A 5-fold cross-validation on that part picks the
 * smoothing of the ratios (or none: plain logistic regression) and the L2 weight (highest recall at the target
 * precision, ties going to the lower out-of-fold log-loss) and the threshold (the lowest out-of-fold score at which
 * precision stays at or above {@value #TARGET_PRECISION}); the test part is never read. Deterministic: L-BFGS from
 * zero weights, so the same data gives the same file.
 * <p>
 * BIPIA's task-irrelevant attack payloads ("What is the capital of Brazil?") are left out of training: they are
 * injections only inside a retrieved document, and as a user's message they are ordinary questions the shield must
 * let through. They still count in the cross-validated figures, as misses.
 * <p>
 * With {@value #WITH_ORDINARY_TEXTS}, the training texts of the PII and secrets sets join as ordinary text: fewer
 * ordinary sentences are flagged, and fewer injections found (figures in functions/shield/README.md).
 * <p>
 * Usage: {@code PromptInjectionTraining [--with-ordinary-texts] [eval-folder] [output-file]}.
 */
public final class PromptInjectionTraining {

    static final double TARGET_PRECISION = 0.95;
    /** Also trains on the PII and secrets sets' training texts as ordinary, non-injection text. */
    static final String WITH_ORDINARY_TEXTS = "--with-ordinary-texts";
    static final Set<String> TASK_IRRELEVANT = Set.of("Information Retrieval", "Content Creation",
            "Learning and Tutoring", "Language Translation", "Programming Help");
    private static final int FOLDS = 5;
    /** L2 weights tried; the one with the best cross-validated recall at the target precision is kept. */
    private static final List<Double> L2_GRID = List.of(1e-4, 3e-5, 1e-5, 3e-6, 1e-6);
    /** Smoothing counts of the naive Bayes ratios tried; 0 is plain logistic regression. */
    private static final List<Double> SMOOTHING_GRID = List.of(0.0, 0.25, 1.0);

    /**
     * {@code smoothing}: of the naive Bayes ratios, 0 for none. {@code logLoss}: mean out-of-fold log-loss on the
     * trained rows, which breaks ties in recall.
     */
    record Choice(double smoothing, double l2, float threshold, double recall, double precision, double recallAll,
                  double precisionAll, double ordinaryFlagged, double logLoss) {
    }

    /**
     * {@code trained}: the fit sees it; {@code scored}: it is a row of the prompt-injection set, on which the threshold
     * and the figures are taken (the other sets' texts only teach what ordinary text looks like).
     */
    record Sample(int[] features, boolean injection, int fold, boolean trained, boolean scored) {
    }

    public static void main(String[] args) throws IOException {
        boolean withOrdinaryTexts = List.of(args).contains(WITH_ORDINARY_TEXTS);
        List<String> paths = Stream.of(args).filter(arg -> !arg.equals(WITH_ORDINARY_TEXTS)).toList();
        Path folder = paths.size() > 0 ? Path.of(paths.get(0)) : PublicSets.defaultFolder().orElseThrow();
        Path output = Path.of(paths.size() > 1 ? paths.get(1) : "shared/shield/src/main/resources" + InjectionClassifier.RESOURCE);
        List<Sample> samples = samples(PublicSets.read(folder), withOrdinaryTexts);
        Choice best = null;
        for (double smoothing : SMOOTHING_GRID) {
            for (double l2 : L2_GRID) {
                Choice choice = crossValidate(samples, smoothing, l2);
                report(choice, withOrdinaryTexts);
                if (best == null || choice.recall() > best.recall()
                        || choice.recall() == best.recall() && choice.logLoss() < best.logLoss()) {
                    best = choice;
                }
            }
        }
        InjectionClassifier model = train(samples.stream().filter(Sample::trained).toList(), best.threshold(),
                best.smoothing(), best.l2());
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            model.write(out);
        }
        System.out.printf(Locale.ROOT, "%d training examples (%d trained on); naive Bayes smoothing %s, L2 %.0e and"
                        + " threshold %.4f chosen by %d-fold cross-validation; wrote %s%n", samples.size(),
                samples.stream().filter(Sample::trained).count(), best.smoothing(), best.l2(), best.threshold(), FOLDS,
                output);
    }

    private static void report(Choice choice, boolean withOrdinaryTexts) {
        System.out.printf(Locale.ROOT, "naive Bayes smoothing %s, L2 %.0e: cross-validated precision %.3f recall %.3f,"
                        + " threshold %.4f, log-loss %.4f (all training rows, task-irrelevant BIPIA counted as misses:"
                        + " precision %.3f recall %.3f)%s%n", choice.smoothing(), choice.l2(), choice.precision(),
                choice.recall(), choice.threshold(), choice.logLoss(), choice.precisionAll(), choice.recallAll(),
                withOrdinaryTexts ? String.format(Locale.ROOT, "; ordinary texts of the PII and secrets sets"
                        + " flagged: %.3f", choice.ordinaryFlagged()) : "");
    }

    private static Choice crossValidate(List<Sample> samples, double smoothing, double l2) {
        double[] outOfFold = new double[samples.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            int held = fold;
            InjectionClassifier model = train(samples.stream().filter(s -> s.fold() != held && s.trained()).toList(),
                    0.5f, smoothing, l2);
            for (int i = 0; i < samples.size(); i++) {
                if (samples.get(i).fold() == held) {
                    outOfFold[i] = model.score(samples.get(i).features());
                }
            }
        }
        List<Sample> trained = new ArrayList<>();
        List<Double> trainedScores = new ArrayList<>();
        List<Sample> scored = new ArrayList<>();
        List<Double> scoredScores = new ArrayList<>();
        int ordinary = 0, ordinaryFlagged = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            if (sample.scored()) {
                scored.add(sample);
                scoredScores.add(outOfFold[i]);
                if (sample.trained()) {
                    trained.add(sample);
                    trainedScores.add(outOfFold[i]);
                }
            }
        }
        float threshold = threshold(trained, trainedScores.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < samples.size(); i++) {
            if (!samples.get(i).scored()) {
                ordinary++;
                ordinaryFlagged += outOfFold[i] >= threshold ? 1 : 0;
            }
        }
        double[] onTrained = precisionRecall(trained, trainedScores.stream().mapToDouble(Double::doubleValue).toArray(),
                threshold);
        double[] onAll = precisionRecall(scored, scoredScores.stream().mapToDouble(Double::doubleValue).toArray(),
                threshold);
        double logLoss = 0;
        for (int i = 0; i < trained.size(); i++) {
            double p = Math.min(1 - 1e-9, Math.max(1e-9, trainedScores.get(i)));
            logLoss -= trained.get(i).injection() ? Math.log(p) : Math.log1p(-p);
        }
        return new Choice(smoothing, l2, threshold, onTrained[1], onTrained[0], onAll[1], onAll[0],
                ordinary == 0 ? 0 : (double) ordinaryFlagged / ordinary, logLoss / trained.size());
    }

    static List<Sample> samples(PublicSets.Sets sets, boolean withOrdinaryTexts) {
        List<Sample> samples = new ArrayList<>();
        for (InjectionExample example : sets.injection()) {
            if (example.split() == Split.TRAIN) {
                samples.add(sample(example.text(), example.injection(), !TASK_IRRELEVANT.contains(example.category()),
                        true));
            }
        }
        if (!withOrdinaryTexts) {
            return samples;
        }
        for (PiiExample example : sets.pii()) {
            if (example.split() == Split.TRAIN) {
                samples.add(sample(example.text(), false, true, false));
            }
        }
        for (SecretExample example : sets.secrets()) {
            if (example.split() == Split.TRAIN) {
                samples.add(sample(example.text(), false, true, false));
            }
        }
        return samples;
    }

    private static Sample sample(String text, boolean injection, boolean trained, boolean scored) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return new Sample(InjectionFeatures.of(text), injection,
                (int) (crc.getValue() % FOLDS), trained, scored);
    }

    /**
     * Logistic regression on the features scaled by {@link #logCountRatios} (all 1 when {@code smoothing} is 0): mean
     * log-loss plus {@code l2/2 |w|²} (bias not penalised), minimised by L-BFGS. The scales are multiplied into the
     * weights that ship.
     */
    static InjectionClassifier train(List<Sample> samples, float threshold, double smoothing, double l2) {
        int dimensions = InjectionFeatures.DIMENSIONS + 1;
        double[] scale = logCountRatios(samples, smoothing);
        double[] w = Lbfgs.minimize(new double[dimensions], (x, gradient) -> loss(samples, scale, l2, x, gradient), 300);
        float[] weights = new float[InjectionFeatures.DIMENSIONS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (w[i] * scale[i]);
        }
        return new InjectionClassifier(weights, (float) w[InjectionFeatures.DIMENSIONS], threshold);
    }

    /**
     * Per bucket, log of how much more often it occurs among injections than among ordinary texts, each count smoothed
     * by {@code smoothing} and divided by its class's total; all 1 when {@code smoothing} is 0.
     */
    static double[] logCountRatios(List<Sample> samples, double smoothing) {
        double[] ratios = new double[InjectionFeatures.DIMENSIONS];
        if (smoothing == 0) {
            Arrays.fill(ratios, 1);
            return ratios;
        }
        double[] injection = new double[ratios.length];
        double[] ordinary = new double[ratios.length];
        Arrays.fill(injection, smoothing);
        Arrays.fill(ordinary, smoothing);
        for (Sample sample : samples) {
            double[] counts = sample.injection() ? injection : ordinary;
            for (int f : sample.features()) {
                counts[f]++;
            }
        }
        double injectionTotal = Arrays.stream(injection).sum();
        double ordinaryTotal = Arrays.stream(ordinary).sum();
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = Math.log(injection[i] / injectionTotal) - Math.log(ordinary[i] / ordinaryTotal);
        }
        return ratios;
    }

    private static double loss(List<Sample> samples, double[] scale, double l2, double[] w, double[] gradient) {
        int bias = InjectionFeatures.DIMENSIONS;
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (Sample sample : samples) {
            double value = 1.0 / Math.sqrt(Math.max(1, sample.features().length));
            double z = w[bias];
            for (int f : sample.features()) {
                z += w[f] * scale[f] * value;
            }
            double label = sample.injection() ? 1 : 0;
            loss += Math.max(z, 0) - z * label + Math.log1p(Math.exp(-Math.abs(z)));
            double error = 1.0 / (1.0 + Math.exp(-z)) - label;
            for (int f : sample.features()) {
                gradient[f] += error * scale[f] * value;
            }
            gradient[bias] += error;
        }
        int n = samples.size();
        double penalty = 0;
        for (int i = 0; i < bias; i++) {
            gradient[i] = gradient[i] / n + l2 * w[i];
            penalty += w[i] * w[i];
        }
        gradient[bias] /= n;
        return loss / n + 0.5 * l2 * penalty;
    }

    /** The lowest out-of-fold score at which precision is still at or above the target, so recall is highest. */
    static float threshold(List<Sample> samples, double[] scores) {
        float best = 0.5f;
        double bestRecall = -1;
        for (double candidate : scores) {
            double[] pr = precisionRecall(samples, scores, candidate);
            if (pr[0] >= TARGET_PRECISION && (pr[1] > bestRecall || pr[1] == bestRecall && candidate > best)) {
                // the detector compares a double score with this float: round down so the candidate itself passes
                best = Math.nextDown((float) candidate);
                bestRecall = pr[1];
            }
        }
        return best;
    }

    private static double[] precisionRecall(List<Sample> samples, double[] scores, double threshold) {
        int tp = 0, fp = 0, positives = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean injection = samples.get(i).injection();
            positives += injection ? 1 : 0;
            if (scores[i] >= threshold) {
                if (injection) tp++;
                else fp++;
            }
        }
        return new double[] {tp + fp == 0 ? 1.0 : (double) tp / (tp + fp), positives == 0 ? 1.0 : (double) tp / positives};
    }
}
