package uk.nhs.strategycheck.admin;

import uk.nhs.strategycheck.tenancy.Role;

/** What an admin typed to invite a user: who, and their first role at an organisation. */
public record InvitationDraft(String email, String displayName, Role role, AssignmentTarget organisation) {
}
