package uk.nhs.strategycheck.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route("login")
@PageTitle("Sign in - Digital Strategy Check")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        addClassName("login-view");
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("E-mail address");
        i18n.getForm().setSubmit("Log in");
        i18n.getErrorMessage().setTitle("Incorrect e-mail address or password");
        i18n.getErrorMessage().setMessage(
                "Check them and try again. After five failed attempts the account is locked for 15 minutes.");
        i18n.setAdditionalInformation(null);
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");

        var serviceName = new Span("Digital Strategy Check");
        serviceName.addClassName("service-name");
        var header = new Header(serviceName);
        header.addClassName("service-header");

        // The form's own title is the page's one level-1 heading.
        var main = new Main(new Paragraph("Assess your trust's digital strategy against the seven signs of a "
                + "good one, and see how it compares across your integrated care system."), form);
        main.addClassName("login-main");
        add(header, main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
