package uk.nhs.strategycheck.admin;

import java.time.Instant;

/** What an activation link leads to: whose invitation it is, and whether it can still be used. */
public record InvitationCheck(State state, String email, String displayName, Instant expiresAt) {

    public enum State {
        /** Can be used to set a password. */
        VALID(null),
        /** No invitation has this link (mistyped or cut short). */
        UNKNOWN("This activation link is not recognised. Check that you opened the whole link from the email, "
                + "or ask your admin to send you a new invitation."),
        USED("This activation link has already been used, so the account is set up. Sign in with your email "
                + "address and password."),
        EXPIRED("This activation link has expired: invitation links work for "
                + UserAdminService.INVITATION_VALID_FOR.toDays() + " days. Ask your admin to send you a new one."),
        /** An admin disabled the account after inviting them. */
        DISABLED("This account has been disabled, so it cannot be set up. Ask your admin if you think this is wrong.");

        private final String explanation;

        State(String explanation) {
            this.explanation = explanation;
        }

        /** Why the link cannot be used, for the invitee; null when it can. */
        public String explanation() {
            return explanation;
        }
    }

    static InvitationCheck unknown() {
        return new InvitationCheck(State.UNKNOWN, null, null, null);
    }
}
