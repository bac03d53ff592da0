package uk.nhs.strategycheck.assessment;

/**
 * What the signed-in user may do with the assessment now. When answers are read-only,
 * readOnlyReason says why in words the user understands.
 */
public record Capabilities(boolean editAnswers, boolean editActions, boolean submit, boolean approve,
                           boolean returnForChanges, String readOnlyReason) {
}
