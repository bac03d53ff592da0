package uk.nhs.strategycheck.security;

import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import uk.nhs.strategycheck.tenancy.CurrentScope;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;

/** The signed-in user of the current request, and the scope they act in. */
@Component
public class CurrentUser implements CurrentScopeSource {

    private final SignInRepository accounts;

    CurrentUser(SignInRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<SignedInUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user) : Optional.empty();
    }

    @Override
    public Optional<CurrentScope> current() {
        return get().flatMap(user -> user.active().map(active -> new CurrentScope(user.id(), user.email(), user.displayName(), active)));
    }

    /**
     * Reads the signed-in user's role assignments again and, if they changed (an organisation
     * change moved their trust or ended their role), puts the fresh ones in the security context.
     * Returns the context when it changed, for the caller to store where the session keeps it.
     */
    public Optional<SecurityContext> refresh() {
        var user = get();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        var current = accounts.findAssignments(user.get().id());
        if (current.equals(user.get().assignments())) {
            return Optional.empty();
        }
        var refreshed = user.get().withAssignments(current);
        var context = SecurityContextHolder.getContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null,
                refreshed.getAuthorities()));
        return Optional.of(context);
    }

    /**
     * A security context in which the user acts in another of their assignments. The caller
     * stores it where the session keeps its context.
     */
    public SecurityContext switchTo(long assignmentId) {
        var user = get().orElseThrow().actingAs(assignmentId);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return context;
    }
}
