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

    public Optional<SignedInUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user) : Optional.empty();
    }

    @Override
    public Optional<CurrentScope> current() {
        return get().flatMap(user -> user.active().map(active -> new CurrentScope(user.id(), user.email(), user.displayName(), active, user.scopeToken())));
    }

    /**
     * A security context in which the user acts in another of their assignments. The caller
     * stores it where the session keeps its context.
     */
    public SecurityContext switchTo(long assignmentId) {
        return become(get().orElseThrow().actingAs(assignmentId));
    }

    /** A security context in which the request acts as the given user; the caller stores it in the session. */
    SecurityContext become(SignedInUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return context;
    }
}
