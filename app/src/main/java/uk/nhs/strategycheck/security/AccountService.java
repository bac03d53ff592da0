package uk.nhs.strategycheck.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
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
    /** The outcome counted for a sign-in refused because too many others were being checked. */
    static final String BUSY = "busy";

    private final SignInRepository accounts;
    private final boolean passwordSignIn;
    private final MeterRegistry meters;
    private final PasswordChecks passwordChecks;

    AccountService(SignInRepository accounts, SignInSettings settings, MeterRegistry meters) {
        this.accounts = accounts;
        this.passwordSignIn = settings.password();
        this.meters = meters;
        this.passwordChecks = new PasswordChecks(settings.checksAtOnce(), settings.checkWait());
    }

    // Not transactional: a refusal is an exception, and the failure it counted must stay counted.
    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        var email = request.getName() == null ? "" : request.getName();
        var password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        var client = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        SignInRepository.PasswordAttempt checked;
        try {
            checked = passwordChecks.check(() -> accounts.signIn(email, password, client));
        } catch (SignInBusyException busy) {
            countSignIn("password", BUSY);
            throw busy;
        }
        var attempt = checked.attempt();
        countSignIn("password", attempt.outcome().name().toLowerCase(Locale.ROOT));
        var user = switch (attempt.outcome()) {
            case SIGNED_IN -> new SignedInUser(attempt.account().id(), attempt.account().email(),
                    attempt.account().displayName(), attempt.scopeToken(), checked.assignments(),
                    checked.assignments().isEmpty() ? null : checked.assignments().get(0));
            // Admins have proved their password only: no role until the second factor.
            case SECOND_FACTOR -> SignedInUser.awaitingSecondFactor(attempt.account().id(), attempt.account().email(),
                    attempt.account().displayName(), attempt.scopeToken());
            case THROTTLED -> throw new BadCredentialsException("Too many failed sign-ins from this network");
            case REFUSED, NOT_INVITED, EMAIL_NOT_VERIFIED, LINKED_ELSEWHERE, DISABLED ->
                    throw new BadCredentialsException(REFUSED);
        };
        var authenticated = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authenticated.setDetails(request.getDetails());
        return authenticated;
    }

    /**
     * Counts a sign-in attempt for operations (dsc.sign.ins): by method and outcome (the database's
     * outcome in lower case, or busy: refused unchecked while others were being checked), never by whom.
     */
    void countSignIn(String method, String outcome) {
        meters.counter("dsc.sign.ins", "method", method, "outcome", outcome).increment();
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

    // Where password sign-in is off (dsc.sign-in.password), a posted password signs nobody in.
    @Override
    public boolean supports(Class<?> authentication) {
        return passwordSignIn && UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
