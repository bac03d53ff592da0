package uk.nhs.strategycheck.strategydocument.analysis;

/** Told as analysis moves on, so a user can watch it: a fraction from 0 to 1 and a step in plain words. */
@FunctionalInterface
public interface AnalysisProgress {

    AnalysisProgress NONE = (fraction, step) -> { };

    void reached(double fraction, String step);
}
