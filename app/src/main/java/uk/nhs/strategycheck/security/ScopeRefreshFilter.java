package uk.nhs.strategycheck.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.strategycheck.shared.TransientFailures;

/**
 * Re-reads a signed-in user's roles on every request, so that a role that ended or a trust
 * that moved takes effect at the user's next click, not at their next sign-in; and signs out a
 * user whose scope token the database no longer honours (expired, ended, account disabled).
 * The read is tried again when the database was away for a moment (a failover or switchover
 * closes every pooled connection), so the click still gets its page rather than an error.
 */
@Component
public class ScopeRefreshFilter extends OncePerRequestFilter {

    private final SignInRepository accounts;
    // The holder Spring Security's own filters use (Vaadin's, a bean): the static SecurityContextHolder
    // may hold another one where several application contexts share a JVM, as in the tests.
    private final SecurityContextHolderStrategy contexts;
    private final TransientFailures transientFailures;

    ScopeRefreshFilter(SignInRepository accounts, SecurityContextHolderStrategy contexts,
                       TransientFailures transientFailures) {
        this.accounts = accounts;
        this.contexts = contexts;
        this.transientFailures = transientFailures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var context = contexts.getContext();
        if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof SignedInUser user
                && !user.awaitingSecondFactor()) {
            var current = transientFailures.retry("Reading the signed-in user's roles",
                    () -> accounts.findAssignments(user.scopeToken()), () -> { });
            // A dead token has no assignments; only then is it worth asking why.
            if (current.isEmpty() && accounts.findAccount(user.scopeToken()).isEmpty()) {
                contexts.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                chain.doFilter(request, response);
                return;
            }
            if (!current.equals(user.assignments())) {
                var refreshed = user.withAssignments(current);
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null,
                        refreshed.getAuthorities()));
                var session = request.getSession(false);
                if (session != null) {
                    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** The filter for the security filter chain (after the security context is loaded). */
    @Configuration
    static class Registration {
        @Bean
        static FilterRegistrationBean<ScopeRefreshFilter> scopeRefreshFilterRegistration(ScopeRefreshFilter filter) {
            // Runs inside Spring Security's chain only, not as a second servlet filter.
            var registration = new FilterRegistrationBean<>(filter);
            registration.setEnabled(false);
            return registration;
        }
    }
}
