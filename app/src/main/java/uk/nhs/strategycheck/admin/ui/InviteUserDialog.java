package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import java.util.function.Consumer;
import uk.nhs.strategycheck.admin.InvitationDraft;
import uk.nhs.strategycheck.admin.ManagedUser;
import uk.nhs.strategycheck.admin.UserAdminService;

/** Invites someone by email with their first role. Keeps what was typed when the invitation is refused. */
class InviteUserDialog extends Dialog {

    private final TextField email = new TextField("Email address");
    private final TextField name = new TextField("Full name");
    private final RoleAtOrganisation role;

    InviteUserDialog(UserAdminService service, Consumer<ManagedUser> onInvited) {
        setHeaderTitle("Invite a user");
        role = new RoleAtOrganisation(service);
        email.setRequired(true);
        email.setMaxLength(UserAdminService.MAX_EMAIL);
        email.setHelperText("Their work address, for example name@nhs.net. The invitation goes here.");
        email.getElement().setAttribute("autocomplete", "off");
        email.addThemeVariants(TextFieldVariant.LUMO_HELPER_ABOVE_FIELD);
        name.setRequired(true);
        name.setMaxLength(UserAdminService.MAX_NAME);
        name.getElement().setAttribute("autocomplete", "off");

        var form = new FormLayout(email, name, role.role(), role.organisation());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph("They get an email with a link to set their password. The link works once, for "
                + UserAdminService.INVITATION_VALID_FOR.toDays() + " days."), form);

        var errors = new AdminForm().field("email", email).field("name", name).field("role", role.role())
                .field("organisation", role.organisation());
        var send = new Button("Send invitation", click -> errors.save(() -> service.invite(new InvitationDraft(
                        email.getValue(), name.getValue(), role.role().getValue(), role.organisation().getValue())))
                .ifPresent(invited -> {
                    close();
                    onInvited.accept(invited);
                }));
        addComponentAsFirst(errors.summary());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), send);
    }
}
