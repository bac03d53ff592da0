package uk.nhs.strategycheck;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs a real user in for service and view tests, exactly as the login form would load them. */
public class SignIn {

    private final UserDetailsService users;

    SignIn(UserDetailsService users) {
        this.users = users;
    }

    public Authentication as(String email) {
        var user = users.loadUserByUsername(email);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        return authentication;
    }

    public void out() {
        SecurityContextHolder.clearContext();
    }
}
