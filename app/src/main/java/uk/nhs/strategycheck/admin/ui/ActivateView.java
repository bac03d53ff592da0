package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import uk.nhs.strategycheck.admin.InvitationCheck;
import uk.nhs.strategycheck.admin.PasswordPolicy;
import uk.nhs.strategycheck.admin.UserAdminService;
import uk.nhs.strategycheck.shared.ui.SignedOutPage;
import uk.nhs.strategycheck.shared.Dates;

/**
 * Where an invitation's link leads: the invitee sets their password, once, under the stated
 * policy. A used, expired or unknown link says so and what to do instead.
 */
@Route("activate/:token")
@PageTitle("Set up your account - Digital Strategy Check")
@AnonymousAllowed
public class ActivateView extends SignedOutPage implements BeforeEnterObserver {

    private final UserAdminService service;
    private final Main main = main();

    public ActivateView(UserAdminService service) {
        this.service = service;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var token = event.getRouteParameters().get("token").orElse("");
        var invitation = service.checkInvitation(token);
        main.removeAll();
        if (invitation.state() == InvitationCheck.State.VALID && !service.passwordSignIn()) {
            main.add(new H1("Set up your account"), new Paragraph("Welcome, " + invitation.displayName() + ". "
                    + service.identitySignInInstructions(invitation.email())), new Anchor("login", "Go to sign in"));
        } else if (invitation.state() == InvitationCheck.State.VALID) {
            showForm(token, invitation);
        } else {
            showRefusal(invitation.state().explanation(), invitation.state() == InvitationCheck.State.USED);
        }
    }

    private void showForm(String token, InvitationCheck invitation) {
        var email = new TextField("Email address");
        email.setValue(invitation.email());
        email.setReadOnly(true);
        email.setAutocomplete(Autocomplete.USERNAME);
        var password = new PasswordField("New password");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setRequired(true);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters");
        var confirmation = new PasswordField("Type the password again");
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirmation.setRequired(true);
        confirmation.setMaxLength(PasswordPolicy.MAX_LENGTH);

        var rules = new UnorderedList();
        PasswordPolicy.RULES.forEach(rule -> rules.add(new ListItem(rule)));
        var policy = new Div(new Paragraph("Your password must be:"), rules, new Paragraph(PasswordPolicy.ALLOWED));
        policy.addClassName("callout");
        policy.setId("password-policy");

        var form = new FormLayout(email, password, confirmation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var errors = new AdminForm().field("password", password).field("confirmation", confirmation);
        var save = new Button("Set password", click -> {
            if (errors.save(() -> service.activate(token, password.getValue(), confirmation.getValue()))) {
                showDone();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);

        main.add(new H1("Set up your account"),
                new Paragraph("Welcome, " + invitation.displayName() + ". Choose a password to finish setting up your "
                        + "account. This link works until " + Dates.dateTime(invitation.expiresAt()) + "."),
                errors.summary(), policy, form, save);
    }

    private void showRefusal(String explanation, boolean signIn) {
        main.add(new H1(signIn ? "Your account is already set up" : "This link cannot be used"),
                new Paragraph(explanation), new Anchor("login", "Go to sign in"));
    }

    private void showDone() {
        main.removeAll();
        var done = new Paragraph("Your password is set and your account is ready. Sign in with your email address "
                + "and the password you have just chosen.");
        done.getElement().setAttribute("role", "status");
        main.add(new H1("Your account is ready"), done, new Anchor("login", "Sign in"));
    }
}
