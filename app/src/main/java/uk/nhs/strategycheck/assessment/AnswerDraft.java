package uk.nhs.strategycheck.assessment;

import java.util.List;

/** What the user has typed for a statement, not yet saved. */
public record AnswerDraft(Integer score, String evidence, List<String> links) {
}
