package uk.nhs.strategycheck.assessment;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * The answer could not be saved because the database was unavailable for a moment (a
     * failover, a lost connection), even after trying again: nothing was saved, and the page
     * tries again shortly.
     */
    public static final class NotSavedYet extends AssessmentProblem {
        public NotSavedYet(Throwable cause) {
            super("Not saved yet: the service could not reach its database for a moment. What you entered is "
                    + "still here, and the service is trying again.");
            initCause(cause);
        }
    }

    /** Submission needs every statement scored. */
    public static final class Incomplete extends AssessmentProblem {
        private final transient List<MissingScore> missing;

        public Incomplete(List<MissingScore> missing) {
            super(missing.size() + (missing.size() == 1 ? " statement has" : " statements have")
                    + " no score yet. Score every statement before you submit.");
            this.missing = List.copyOf(missing);
        }

        public List<MissingScore> missing() {
            return missing;
        }
    }

    /** A statement with no score yet, and the characteristic it belongs to. */
    public record MissingScore(Framework.Characteristic characteristic, Framework.Statement statement) {
        /** For example "Lived in culture, practices and processes, S4: Teams measure their services ...". */
        public String describe() {
            return characteristic.name() + ", " + statement.code() + ": " + statement.text();
        }
    }

    /** Input that cannot be saved as it is: every field that is wrong, each with its message, all at once. */
    public static final class Invalid extends AssessmentProblem {
        private final transient List<FieldMessage> fields;

        public Invalid(String field, String message) {
            this(List.of(new FieldMessage(field, message)));
        }

        public Invalid(List<FieldMessage> fields) {
            super(fields.stream().map(FieldMessage::message).collect(Collectors.joining(" ")));
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("An invalid input names at least one field");
            }
            this.fields = List.copyOf(fields);
        }

        /** The first field that is wrong. */
        public String field() {
            return fields.get(0).field();
        }

        public List<FieldMessage> fields() {
            return fields;
        }

        public Optional<String> messageFor(String field) {
            return fields.stream().filter(f -> f.field().equals(field)).map(FieldMessage::message).findFirst();
        }
    }

    /** What is wrong with one field, named as the service names it ("title", "dueOn", "evidence"). */
    public record FieldMessage(String field, String message) {
    }
}
