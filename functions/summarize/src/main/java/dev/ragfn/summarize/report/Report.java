package dev.ragfn.summarize.report;

/** A finished report: the facts, the prose written from them, and which writer wrote it. */
public record Report(Findings findings, ReportSections sections, String writer) {
}
