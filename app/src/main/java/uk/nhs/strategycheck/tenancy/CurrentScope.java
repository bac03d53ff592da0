package uk.nhs.strategycheck.tenancy;

import org.springframework.security.access.AccessDeniedException;

/** The signed-in user and the role assignment they are acting in. */
public record CurrentScope(long userId, String userEmail, String userName, ScopeAssignment assignment) {

    /** Refuses the call unless the active scope is of the given level. */
    public ScopeAssignment require(ScopeLevel level) {
        if (assignment.level() != level) {
            throw new AccessDeniedException("This needs a " + level.name().toLowerCase() + " scope");
        }
        return assignment;
    }
}
