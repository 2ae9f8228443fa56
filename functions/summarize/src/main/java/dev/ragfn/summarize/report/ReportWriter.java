package dev.ragfn.summarize.report;

/**
 * Turns findings into prose. {@link DeterministicReportWriter} is the one in use; a writer backed
 * by a chat model can implement this interface later, given the same findings and the rule that
 * it may rephrase but not contradict them.
 */
public interface ReportWriter {

    /** A short name recorded in the report, such as "deterministic" or a model id. */
    String name();

    ReportSections write(Findings findings);
}
