package uk.nhs.strategycheck.admin;

import uk.nhs.strategycheck.tenancy.Role;

/**
 * What the users list is narrowed to; blank or null parts match everything. Organisation and
 * role are matched on the same role assignment ("editors of RJ6").
 */
public record UserFilter(String nameOrEmail, String organisation, Role role, UserStatus status) {

    public static UserFilter none() {
        return new UserFilter(null, null, null, null);
    }
}
