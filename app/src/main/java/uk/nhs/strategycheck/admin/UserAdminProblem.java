package uk.nhs.strategycheck.admin;

/** Why a change to a user was not made, in words the admin (or invitee) can act on. */
public class UserAdminProblem extends RuntimeException {

    public UserAdminProblem(String message) {
        super(message);
    }

    /** Input that cannot be saved as it is; the field says which. */
    public static final class Invalid extends UserAdminProblem {
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
