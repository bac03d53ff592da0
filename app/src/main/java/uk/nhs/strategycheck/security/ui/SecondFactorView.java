package uk.nhs.strategycheck.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayInputStream;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import uk.nhs.strategycheck.security.SecondFactorService;
import uk.nhs.strategycheck.security.SignedInUser;
import uk.nhs.strategycheck.shared.ui.SignedOutPage;

/**
 * The second step of an admin's sign-in: the six-digit code from their authenticator app, or,
 * the first time, setting the app up with a QR code (or a key to type in).
 */
@Route("second-factor")
@PageTitle("Security code - Digital Strategy Check")
@RolesAllowed("SECOND_FACTOR_PENDING")
public class SecondFactorView extends SignedOutPage implements BeforeEnterObserver {

    private final SecondFactorService secondFactor;
    private final AuthenticationContext authentication;
    private final Main main = main();
    private final TextField code = new TextField("Security code");
    private SecondFactorService.Enrolment enrolment;

    public SecondFactorView(SecondFactorService secondFactor, AuthenticationContext authentication) {
        this.secondFactor = secondFactor;
        this.authentication = authentication;

        code.setHelperText("The 6-digit code your authenticator app shows now");
        code.setMaxLength(7);
        code.setAllowedCharPattern("[0-9 ]");
        code.getElement().setAttribute("inputmode", "numeric");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setRequiredIndicatorVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var user = user();
        var step = user == null ? null : secondFactor.nextStep(user).orElse(null);
        main.removeAll();
        if (step == null) {
            // The sign-in ended (ten minutes passed, or five wrong codes): start again.
            main.add(new H1("Sign in again"),
                    new Paragraph("Your sign-in has ended: it lasts 10 minutes, and ends after five wrong codes."),
                    signOutButton("Sign in again"));
            return;
        }
        var continueButton = new Button("Continue", click -> submit(user));
        continueButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        continueButton.addClickShortcut(Key.ENTER);
        if (step == SecondFactorService.Step.ENROL) {
            enrolment = secondFactor.newEnrolment(user);
            // Served by the service itself, as the Content-Security-Policy wants every image.
            var png = enrolment.qrCodePng();
            var qrCode = new Image(new StreamResource("security-code.png", () -> new ByteArrayInputStream(png)),
                    "QR code that adds Digital Strategy Check to an authenticator app");
            qrCode.setWidth("200px");
            qrCode.setHeight("200px");
            var key = new Span(enrolment.secret().replaceAll("(.{4})", "$1 ").strip());
            key.addClassName("second-factor-key");
            main.add(new H1("Set up your security code"),
                    new Paragraph("As an admin you sign in with a code from an authenticator app as well as your "
                            + "password. Open the app on your phone (for example Microsoft Authenticator or Google "
                            + "Authenticator), add an account and scan this QR code."),
                    qrCode,
                    new Paragraph("If you cannot scan it, type in this key instead:"), key,
                    new Paragraph("Then enter the code the app shows."));
        } else {
            enrolment = null;
            main.add(new H1("Enter your security code"),
                    new Paragraph("Open the authenticator app you set up for Digital Strategy Check and enter the "
                            + "code it shows for " + user.email() + "."));
        }
        var actions = new Div(continueButton, signOutButton("Cancel and sign out"));
        actions.addClassName("second-factor-actions");
        main.add(code, actions);
        code.focus();
    }

    private void submit(SignedInUser user) {
        var signedIn = secondFactor.passAndSignIn(user, code.getValue(), enrolment == null ? null : enrolment.secret());
        if (signedIn.isEmpty()) {
            if (secondFactor.nextStep(user).isEmpty()) {
                getUI().ifPresent(ui -> ui.navigate(SecondFactorView.class));
                return;
            }
            code.setInvalid(true);
            code.setErrorMessage("That code is not right. Enter the 6-digit code your app shows now.");
            code.focus();
            return;
        }
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn.get());
        // A fresh page: menus and views are worked out for the user's role.
        getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
    }

    private Button signOutButton(String text) {
        var button = new Button(text, click -> authentication.logout());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static SignedInUser user() {
        var current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
