package uk.nhs.strategycheck.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Map;
import org.springframework.security.web.WebAttributes;
import uk.nhs.strategycheck.security.IdentitySignIn;
import uk.nhs.strategycheck.security.SignInBusyException;
import uk.nhs.strategycheck.security.SignInRequestFilter;
import uk.nhs.strategycheck.shared.ui.ErrorSummary;
import uk.nhs.strategycheck.shared.ui.FieldProblem;
import uk.nhs.strategycheck.shared.ui.SignedOutPage;

/**
 * Sign-in: with the deployment's OpenID Connect provider (NHS Care Identity Service 2), with an
 * e-mail address and password, or both, as the deployment chooses (SignInSettings).
 */
@Route("login")
@PageTitle("Sign in - Digital Strategy Check")
@AnonymousAllowed
public class LoginView extends SignedOutPage implements BeforeEnterObserver {

    /** Why the provider's sign-in was refused (IdentitySignIn.REFUSALS), and what to do. */
    private static final Map<String, String> IDENTITY_REFUSALS = Map.of(
            "not-invited", "There is no account for you yet: you need an invitation to use Digital Strategy Check. "
                    + "Ask your organisation's administrator for this service to invite you, using the email address "
                    + "your NHS identity has.",
            "email-not-verified", "Your NHS identity has no verified email address, so your invitation cannot be "
                    + "found. Ask your registration authority to add and verify your email address, then sign in again.",
            "linked-elsewhere", "The account with your email address is already linked to a different NHS identity. "
                    + "Ask your organisation's administrator for this service to check your account.",
            "disabled", "Your account has been disabled. Ask your organisation's administrator for this service "
                    + "if you still need it.",
            "identity", "Signing in with your NHS identity did not finish. Try again; if it keeps failing, tell the "
                    + "service desk.");

    private final boolean passwordSignIn;
    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    private final ErrorSummary identityProblem = new ErrorSummary();

    public LoginView(IdentitySignIn signIn) {
        passwordSignIn = signIn.passwordSignIn();
        var about = new Paragraph("Assess your trust's digital strategy against the seven signs of a "
                + "good one, and see how it compares across your integrated care system.");
        if (!passwordSignIn) {
            main().add(new H1("Sign in"));
        }
        main().add(identityProblem, about);
        if (passwordSignIn) {
            i18n.getForm().setTitle("Sign in");
            i18n.getForm().setUsername("Email address");
            i18n.getForm().setSubmit("Sign in");
            i18n.setAdditionalInformation(null);
            form.setForgotPasswordButtonVisible(false);
            form.setAction("login");
            // The form's own title is the page's one level-1 heading.
            main().add(form);
        }
        signIn.providerName().ifPresent(provider -> {
            if (passwordSignIn) {
                main().add(new Paragraph("Or, if you have an NHS smartcard or NHS identity:"));
            }
            // A plain link: the browser leaves the service for the provider's sign-in page.
            var start = new Anchor(IdentitySignIn.START_PATH, "Sign in with " + provider);
            start.setRouterIgnore(true);
            start.addClassName("identity-sign-in");
            main().add(start);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var error = event.getLocation().getQueryParameters().getSingleParameter("error");
        var identityRefusal = error.map(IDENTITY_REFUSALS::get);
        identityRefusal.ifPresentOrElse(message -> identityProblem.show(FieldProblem.general(message)),
                () -> identityProblem.show(List.of()));
        if (!passwordSignIn) {
            return;
        }
        if (error.filter(SignInRequestFilter.HIDDEN_CHARACTER::equals).isPresent()) {
            i18n.getErrorMessage().setTitle("That email address cannot be used");
            i18n.getErrorMessage().setMessage("It had a hidden character in it (a control character or one that "
                    + "changes the direction of text). Type your email address rather than pasting it.");
        } else if (error.isPresent() && lastFailureWasBusy()) {
            i18n.getErrorMessage().setTitle("The service is busy");
            i18n.getErrorMessage().setMessage("Many people are signing in at the moment, so your password was not "
                    + "checked. Wait a minute and try again: this does not count as a failed attempt.");
        } else {
            i18n.getErrorMessage().setTitle("Incorrect email address or password");
            i18n.getErrorMessage().setMessage(
                    "Check them and try again. After five failed attempts the account is locked for 15 minutes.");
        }
        form.setI18n(i18n);
        form.setError(error.isPresent() && identityRefusal.isEmpty());
    }

    /** Spring Security keeps the last sign-in failure in the session for the page it redirects to. */
    private static boolean lastFailureWasBusy() {
        var session = VaadinSession.getCurrent().getSession();
        return session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SignInBusyException;
    }
}
