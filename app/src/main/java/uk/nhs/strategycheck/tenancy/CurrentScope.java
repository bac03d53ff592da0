package uk.nhs.strategycheck.tenancy;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in user, the role assignment they are acting in, and the token the database
 * issued at sign-in, without which it grants no scope.
 */
public record CurrentScope(long userId, String userEmail, String userName, ScopeAssignment assignment,
                           String scopeToken) {

    /** Refuses the call unless the active scope is of the given level. */
    public ScopeAssignment require(ScopeLevel level) {
        if (assignment.level() != level) {
            throw new AccessDeniedException("This needs a " + level.name().toLowerCase() + " scope");
        }
        return assignment;
    }
}
