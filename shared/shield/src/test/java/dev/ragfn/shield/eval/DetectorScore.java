package dev.ragfn.shield.eval;

/**
 * How one detector did on a labelled set. Counts are of examples, not spans: an example counts
 * as detected when the detector finds anything in it.
 */
public record DetectorScore(String detector, int truePositives, int falsePositives, int falseNegatives) {

    /** Share of the examples the detector fired on that were labelled for it; 1 when it never fired. */
    public double precision() {
        int fired = truePositives + falsePositives;
        return fired == 0 ? 1.0 : (double) truePositives / fired;
    }

    /** Share of the examples labelled for the detector that it fired on; 1 when none were labelled. */
    public double recall() {
        int labelled = truePositives + falseNegatives;
        return labelled == 0 ? 1.0 : (double) truePositives / labelled;
    }

    public int support() {
        return truePositives + falseNegatives;
    }
}
