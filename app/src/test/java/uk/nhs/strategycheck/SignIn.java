package uk.nhs.strategycheck;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.security.SecondFactorService;
import uk.nhs.strategycheck.security.SignedInUser;

/**
 * Signs a real user in for service and view tests, exactly as the login form would: through the
 * database's password check, with the demo password.
 */
public class SignIn {

    private final AuthenticationProvider accounts;
    private final SecondFactorService secondFactor;
    private final TestDatabase database;

    SignIn(AuthenticationProvider accounts, SecondFactorService secondFactor, TestDatabase database) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.database = database;
    }

    /** Signs in with the demo password and, for an admin, the code of their authenticator app (set up if need be). */
    public Authentication as(String email) {
        var authentication = accounts.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(email, BrowserTest.DEMO_PASSWORD));
        if (authentication.getPrincipal() instanceof SignedInUser user && user.awaitingSecondFactor()) {
            var step = secondFactor.nextStep(user).orElseThrow();
            String newSecret = step == SecondFactorService.Step.ENROL ? secondFactor.newEnrolment(user).secret() : null;
            var code = newSecret != null ? TestDatabase.secondFactorCodeFor(newSecret) : database.secondFactorCode(email);
            var signedIn = secondFactor.pass(user, code, newSecret).orElseThrow();
            authentication = UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities());
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        return authentication;
    }

    /**
     * Signs in as {@link #as} does, for a Karibu view test: the mocked Vaadin request carries the
     * user too, since Vaadin's view access check reads the request, not the security context.
     */
    public Authentication intoMockedVaadinAs(String email) {
        var authentication = as(email);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                .anyMatch(granted -> granted.getAuthority().equals("ROLE_" + role)));
        return authentication;
    }

    public void out() {
        SecurityContextHolder.clearContext();
    }
}
