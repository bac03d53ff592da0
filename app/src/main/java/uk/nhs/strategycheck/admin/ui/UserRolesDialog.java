package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import uk.nhs.strategycheck.admin.ManagedUser;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.admin.UserAdminService;
import uk.nhs.strategycheck.admin.UserAssignment;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;

/** A user's roles within the admin's scope: remove one, or add one at an organisation. */
class UserRolesDialog extends Dialog {

    private final UserAdminService service;
    private final Runnable onChanged;
    private final UnorderedList current = new UnorderedList();
    private final Paragraph outcome = new Paragraph();
    private final RoleAtOrganisation role;
    private final AdminForm errors = new AdminForm();
    private ManagedUser user;

    UserRolesDialog(UserAdminService service, ManagedUser user, Runnable onChanged) {
        this.service = service;
        this.user = user;
        this.onChanged = onChanged;
        this.role = new RoleAtOrganisation(service);
        setHeaderTitle("Roles of " + user.displayName());
        outcome.addClassName("outcome");
        outcome.getElement().setAttribute("role", "status");
        current.addClassName("role-list");

        var form = new FormLayout(role.role(), role.organisation());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var add = new Button("Add role", click -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        errors.field("role", role.role()).field("organisation", role.organisation());
        var adding = new Div(new H3("Add a role"), errors.summary(), form, add);

        add(new Paragraph(user.email()), outcome, new H3("Current roles"), current, adding);
        getFooter().add(new Button("Close", click -> close()));
        showRoles();
    }

    private void showRoles() {
        current.removeAll();
        if (user.assignments().isEmpty()) {
            current.add(new ListItem("None in your area."));
        }
        for (UserAssignment assignment : user.assignments()) {
            var remove = new Button("Remove", click -> remove(assignment));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove " + assignment.label() + " from " + user.displayName());
            current.add(new ListItem(new Span(assignment.label() + " "), remove));
        }
    }

    private void add() {
        errors.save(() -> service.assign(user.id(), role.role().getValue(), role.organisation().getValue()))
                .ifPresent(added -> changed(added.label() + " added.", false));
    }

    /** Removing a role is checked first: the person loses what it let them do, at once. */
    private void remove(UserAssignment assignment) {
        new ConfirmationDialog("Remove this role from " + user.displayName() + "?", "Remove role", () -> {
            try {
                service.removeAssignment(user.id(), assignment.id());
                changed(assignment.label() + " removed from " + user.displayName() + ".", false);
            } catch (AdminProblem refused) {
                changed(refused.getMessage(), true);
            }
        })
                .addParagraph(user.displayName() + " (" + user.email() + ") loses the role " + assignment.role().label()
                        + " at " + assignment.organisation() + ". From their next click they can no longer see or do "
                        + "what it lets them.")
                .addParagraph(user.assignments().size() == 1
                        ? "It is their only role in your area, so they will have nothing to do here."
                        : "Their other roles stay as they are.")
                .addParagraph("To give the role back, add it again.")
                .destructive()
                .open();
    }

    private void changed(String message, boolean failed) {
        outcome.setText(message);
        if (failed) {
            outcome.addClassName("outcome-failed");
        } else {
            outcome.removeClassName("outcome-failed");
        }
        onChanged.run();
        var reloaded = service.user(user.id());
        if (reloaded.isEmpty()) {
            // No longer in the admin's area (their last role here was removed).
            close();
            return;
        }
        user = reloaded.get();
        showRoles();
    }
}
