package uk.nhs.strategycheck.admin;

/** Why an admin change was not made, in words the admin (or invitee) can act on. */
public class AdminProblem extends RuntimeException {

    public AdminProblem(String message) {
        super(message);
    }

    /** The input at fault, if one is. */
    public String field() {
        return null;
    }

    /** Input that cannot be saved as it is; the field says which. */
    public static final class Invalid extends AdminProblem {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }
}
