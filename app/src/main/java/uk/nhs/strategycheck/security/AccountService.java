package uk.nhs.strategycheck.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs users in with their e-mail address and password. The database decides (see
 * tenancy.sign_in): one answer, at one cost, for a wrong password and for an unknown, disabled
 * or locked account, and a scope token on success, which every later transaction presents.
 */
@Service
public class AccountService implements AuthenticationProvider {

    static final String REFUSED = "Incorrect e-mail address or password";

    private final SignInRepository accounts;

    AccountService(SignInRepository accounts) {
        this.accounts = accounts;
    }

    // Not transactional: a refusal is an exception, and the failure it counted must stay counted.
    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        var email = request.getName() == null ? "" : request.getName();
        var password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        var client = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        var attempt = accounts.signIn(email, password, client);
        var user = switch (attempt.outcome()) {
            case SIGNED_IN -> signedIn(attempt.scopeToken());
            // Admins have proved their password only: no role until the second factor.
            case SECOND_FACTOR -> SignedInUser.awaitingSecondFactor(attempt.account().id(), attempt.account().email(),
                    attempt.account().displayName(), attempt.scopeToken());
            case THROTTLED -> throw new BadCredentialsException("Too many failed sign-ins from this network");
            case REFUSED -> throw new BadCredentialsException(REFUSED);
        };
        var authenticated = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authenticated.setDetails(request.getDetails());
        return authenticated;
    }

    /** The user a scope token was issued to, with their role assignments as they are now. */
    public SignedInUser signedIn(String scopeToken) {
        var account = accounts.findAccount(scopeToken).orElseThrow(() -> new BadCredentialsException(REFUSED));
        var assignments = accounts.findAssignments(scopeToken);
        return new SignedInUser(account.id(), account.email(), account.displayName(), scopeToken, assignments,
                assignments.isEmpty() ? null : assignments.get(0));
    }

    /** Ends the token, so that nothing can act in the user's scopes any more. */
    @Transactional
    public void signOut(SignedInUser user) {
        accounts.signOut(user.scopeToken());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
