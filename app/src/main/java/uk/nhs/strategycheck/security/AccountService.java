package uk.nhs.strategycheck.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users from PostgreSQL for Spring Security, and counts failed sign-ins: five in a
 * row lock the account for 15 minutes (enforced in the database function).
 */
@Service
class AccountService implements UserDetailsService {

    private final SignInRepository accounts;

    AccountService(SignInRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        var account = accounts.findAccount(email)
                .filter(a -> a.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No account for that e-mail address"));
        var assignments = accounts.findAssignments(account.id());
        return new SignedInUser(account.id(), account.email(), account.displayName(), account.passwordHash(),
                account.enabled(), account.lockedUntil(), assignments,
                assignments.isEmpty() ? null : assignments.get(0));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            accounts.recordSignIn(user.id(), true);
        }
    }

    @EventListener
    @Transactional
    public void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        accounts.findAccount(event.getAuthentication().getName())
                .ifPresent(account -> accounts.recordSignIn(account.id(), false));
    }
}
