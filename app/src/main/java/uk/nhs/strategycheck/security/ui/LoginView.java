package uk.nhs.strategycheck.security.ui;

import com.vaadin.flow.component.html.Paragraph;
import uk.nhs.strategycheck.shared.ui.SignedOutPage;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import uk.nhs.strategycheck.security.SignInRequestFilter;

@Route("login")
@PageTitle("Sign in - Digital Strategy Check")
@AnonymousAllowed
public class LoginView extends SignedOutPage implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email address");
        i18n.getForm().setSubmit("Sign in");
        i18n.setAdditionalInformation(null);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");

        // The form's own title is the page's one level-1 heading.
        main().add(new Paragraph("Assess your trust's digital strategy against the seven signs of a "
                + "good one, and see how it compares across your integrated care system."), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var error = event.getLocation().getQueryParameters().getSingleParameter("error");
        if (error.filter(SignInRequestFilter.HIDDEN_CHARACTER::equals).isPresent()) {
            i18n.getErrorMessage().setTitle("That email address cannot be used");
            i18n.getErrorMessage().setMessage("It had a hidden character in it (a control character or one that "
                    + "changes the direction of text). Type your email address rather than pasting it.");
        } else {
            i18n.getErrorMessage().setTitle("Incorrect email address or password");
            i18n.getErrorMessage().setMessage(
                    "Check them and try again. After five failed attempts the account is locked for 15 minutes.");
        }
        form.setI18n(i18n);
        form.setError(error.isPresent());
    }
}
