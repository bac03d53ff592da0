package uk.nhs.strategycheck.admin;

import java.time.Instant;
import java.util.List;

/**
 * A user as their admin sees them: the account, its status and the roles the admin can see
 * (a region admin sees only the roles in their region).
 *
 * @param managed           whether this admin may disable, enable, unlock or re-invite the user
 *                          (a region admin manages the users whose home region is theirs)
 * @param homeRegionName    the region whose admins manage the user; null for national admins only
 * @param unlockable        locked now, or with so many failed sign-ins that the next wrong password
 *                          locks the account again
 * @param invitationExpires when the newest unused invitation link expires; null when there is none
 * @param self              the admin themselves
 */
public record ManagedUser(long id, String email, String displayName, UserStatus status, boolean managed,
                          String homeRegionName, boolean unlockable, Instant lockedUntil, Instant invitationExpires,
                          boolean self, List<UserAssignment> assignments) {
}
