package uk.nhs.strategycheck.assessment;

import java.util.List;

/** Why a change to an assessment was not made, in words the user can act on. */
public class AssessmentProblem extends RuntimeException {

    public AssessmentProblem(String message) {
        super(message);
    }

    /** Someone else saved the same answer since this user loaded it. */
    public static final class AnswerConflict extends AssessmentProblem {
        private final transient Answer theirs;

        public AnswerConflict(Answer theirs) {
            super((theirs.updatedByName() == null ? "Someone else" : theirs.updatedByName())
                    + " changed this answer while you were editing it.");
            this.theirs = theirs;
        }

        public Answer theirs() {
            return theirs;
        }
    }

    /** Submission needs every statement scored. */
    public static final class Incomplete extends AssessmentProblem {
        private final List<String> missing;

        public Incomplete(List<String> missing) {
            super(missing.size() + (missing.size() == 1 ? " statement has" : " statements have")
                    + " no score yet. Score every statement before you submit.");
            this.missing = List.copyOf(missing);
        }

        public List<String> missing() {
            return missing;
        }
    }

    /** Input that cannot be saved as it is; the field says which. */
    public static final class Invalid extends AssessmentProblem {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
