package uk.nhs.strategycheck.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Why an admin change was not made, in words the admin (or invitee) can act on. */
public class AdminProblem extends RuntimeException {

    public AdminProblem(String message) {
        super(message);
    }

    /** The input at fault, if one is. */
    public String field() {
        return null;
    }

    /** One input at fault and what to do about it. */
    public record FieldError(String field, String message) {
    }

    /**
     * Input that cannot be saved as it is: every field at fault at once, so a form can show all
     * its errors together rather than one per attempt.
     */
    public static final class Invalid extends AdminProblem {
        private final List<FieldError> errors;

        public Invalid(String field, String message) {
            this(List.of(new FieldError(field, message)));
        }

        public Invalid(List<FieldError> errors) {
            super(errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("An invalid input needs at least one error");
            }
            this.errors = List.copyOf(errors);
        }

        /** The first field at fault. */
        @Override
        public String field() {
            return errors.get(0).field();
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Collects the errors of a form checked field by field, then refuses it with all of them. */
    static final class Errors {
        private final List<FieldError> errors = new ArrayList<>();

        void add(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        boolean has(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        void refuseIfAny() {
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
        }
    }
}
