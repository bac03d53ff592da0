package uk.nhs.strategycheck.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a signed-in user's roles on every request, so that a role that ended or a trust
 * that moved takes effect at the user's next click, not at their next sign-in.
 */
public class ScopeRefreshFilter extends OncePerRequestFilter {

    private final CurrentUser currentUser;

    public ScopeRefreshFilter(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        currentUser.refresh().ifPresent(context -> {
            var session = request.getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        });
        chain.doFilter(request, response);
    }
}
