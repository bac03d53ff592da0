package uk.nhs.strategycheck.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.strategycheck.security.SignedInUser;

/**
 * Adds the signed-in user's id ({@code user.id}) and the level of the scope they act in
 * ({@code scope.level}: TRUST, ICS, REGION or NATIONAL) to the MDC, once Spring Security has
 * loaded them, for the log lines written while handling the request. Never a name or an e-mail
 * address: the id is enough to find the user in the audit log.
 */
class SignedInUserLogFilter extends OncePerRequestFilter {

    static final String USER_ID = "user.id";
    static final String SCOPE_LEVEL = "scope.level";

    // The holder Spring Security's filters filled (Vaadin's, a bean), not the static one, which
    // another application context in the same JVM (as in the tests) may have replaced.
    private final SecurityContextHolderStrategy contexts;

    SignedInUserLogFilter(SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            MDC.put(USER_ID, Long.toString(user.id()));
            user.active().ifPresent(assignment -> MDC.put(SCOPE_LEVEL, assignment.level().name()));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(USER_ID);
            MDC.remove(SCOPE_LEVEL);
        }
    }
}
