package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.nhs.strategycheck.admin.ManagedUser;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.admin.UserAdminService;
import uk.nhs.strategycheck.admin.UserFilter;
import uk.nhs.strategycheck.admin.UserStatus;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;
import uk.nhs.strategycheck.tenancy.Role;

/**
 * The users an admin manages: filtered and paged, with invitations, role assignments,
 * disabling and unlocking. A region admin sees only their region's users and roles.
 */
@Menu(title = "Users", order = 32)
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class UsersView extends Main {

    private static final int PAGE_SIZE = 50;

    private final UserAdminService service;
    private final TextField nameOrEmail = new TextField("Name or email address");
    private final TextField organisation = new TextField("Organisation");
    private final ComboBox<Role> role = new ComboBox<>("Role");
    private final ComboBox<UserStatus> status = new ComboBox<>("Status");
    private final Paragraph total = new Paragraph();
    private final Paragraph outcome = new Paragraph();
    private final Grid<ManagedUser> grid = new Grid<>();

    public UsersView(UserAdminService service) {
        this.service = service;
        add(new H1("Users"), new Paragraph("People with a role in " + service.area() + ". Invite someone by email, "
                + "give or take away their roles, disable their account, or unlock it after failed sign-ins. "
                + "Every change is in the audit log."));

        var invite = new Button("Invite a user", click -> new InviteUserDialog(service, this::invited).open());
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        nameOrEmail.setClearButtonVisible(true);
        organisation.setHelperText("ODS code or name");
        organisation.setClearButtonVisible(true);
        for (var field : new TextField[] {nameOrEmail, organisation}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(change -> refresh());
        }
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setClearButtonVisible(true);
        role.addValueChangeListener(change -> refresh());
        status.setItems(UserStatus.values());
        status.setItemLabelGenerator(UserStatus::label);
        status.setClearButtonVisible(true);
        status.addValueChangeListener(change -> refresh());
        var filters = new Div(nameOrEmail, organisation, role, status);
        filters.addClassName("filters");

        outcome.getElement().setAttribute("role", "status");
        outcome.addClassName("outcome");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Users");
        var columns = ResponsiveGrid.on(grid);
        columns.addComponentColumn("Name", UsersView::person).setFlexGrow(2);
        columns.addComponentColumn("Roles", UsersView::roles).setFlexGrow(3);
        columns.addColumn("Status", UsersView::statusText).setFlexGrow(1);
        columns.addComponentColumn("Actions", this::actions).setKey("actions").setFlexGrow(2);
        grid.setPageSize(PAGE_SIZE);
        grid.setHeight("70vh");

        add(invite, filters, total, outcome, grid);
        refresh();
    }

    private UserFilter filter() {
        return new UserFilter(nameOrEmail.getValue(), organisation.getValue(), role.getValue(), status.getValue());
    }

    private void refresh() {
        if (!PlainTextFields.check(nameOrEmail, organisation)) {
            return;
        }
        var filter = filter();
        int count = service.count(filter);
        total.setText(count == 1 ? "1 user" : String.format("%,d users", count));
        grid.setItems(query -> service.users(filter, query.getOffset(), query.getLimit()).stream(),
                query -> service.count(filter));
    }

    private static Component person(ManagedUser user) {
        var name = new Span(user.displayName());
        name.addClassName("user-name-cell");
        var email = new Span(user.email());
        email.addClassName("secondary");
        var cell = new Div(name, email);
        cell.addClassName("stacked");
        return cell;
    }

    private static Component roles(ManagedUser user) {
        var cell = new Div();
        cell.addClassName("stacked");
        if (user.assignments().isEmpty()) {
            cell.add(new Span("No role here"));
        }
        user.assignments().forEach(assignment -> cell.add(new Span(assignment.label())));
        return cell;
    }

    static String statusText(ManagedUser user) {
        return switch (user.status()) {
            case INVITED -> user.invitationExpires() == null ? "Invited, link expired"
                    : "Invited, link valid until " + Dates.dateTime(user.invitationExpires());
            case LOCKED -> user.lockedUntil() != null && user.lockedUntil().isAfter(java.time.Instant.now())
                    ? "Locked until " + Dates.dateTime(user.lockedUntil())
                    : "Locked after " + UserAdminService.LOCK_AFTER + " failed sign-ins";
            default -> user.status().label();
        };
    }

    private Component actions(ManagedUser user) {
        var cell = new Div();
        cell.addClassName("row-actions");
        var name = user.displayName();
        cell.add(action("Roles", "Roles of " + name,
                () -> new UserRolesDialog(service, user, this::refresh).open()));
        if (!user.managed()) {
            var note = new Span("Account managed by " + (user.homeRegionName() == null ? "national admins"
                    : user.homeRegionName() + " region"));
            note.addClassName("secondary");
            cell.add(note);
            return cell;
        }
        if (user.self()) {
            return cell;
        }
        if (user.status() == UserStatus.DISABLED) {
            cell.add(action("Enable", "Enable " + name, () -> change(() -> service.enable(user.id()),
                    name + "'s account is enabled again.")));
        } else {
            cell.add(action("Disable", "Disable " + name, () -> confirmDisable(user)));
        }
        if (user.unlockable()) {
            cell.add(action("Unlock", "Unlock " + name, () -> change(() -> service.unlock(user.id()),
                    name + "'s account is unlocked: they can sign in again now.")));
        }
        if (user.status() == UserStatus.INVITED) {
            cell.add(action("Resend invitation", "Resend invitation to " + name,
                    () -> change(() -> service.resendInvitation(user.id()),
                            "A new invitation is on its way to " + user.email() + ". Earlier links no longer work.")));
        }
        return cell;
    }

    /** Disabling is checked first: it stops the person's work at once. */
    private void confirmDisable(ManagedUser user) {
        var name = user.displayName();
        var roles = new UnorderedList();
        user.assignments().forEach(assignment -> roles.add(new ListItem(assignment.label())));
        new ConfirmationDialog("Disable " + name + "'s account?", "Disable account", () -> change(
                () -> service.disable(user.id()), name + "'s account is disabled: they cannot sign in until it is "
                        + "enabled again."))
                .addParagraph(name + " (" + user.email() + ") will no longer be able to sign in, and anything they "
                        + "have open stops working at their next click.")
                .addParagraph(user.assignments().isEmpty() ? "They have no role in your area."
                        : "They lose what these roles let them do until the account is enabled again:")
                .addContent(roles)
                .addParagraph("Their roles and history are kept. You can enable the account again later.")
                .destructive()
                .open();
    }

    private static Button action(String text, String ariaLabel, Runnable run) {
        var button = new Button(text, click -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(ariaLabel);
        return button;
    }

    private void change(Runnable change, String done) {
        try {
            change.run();
            say(done, false);
        } catch (AdminProblem refused) {
            say(refused.getMessage(), true);
        }
        refresh();
    }

    private void invited(ManagedUser user) {
        say("Invitation sent to " + user.email() + ". " + statusText(user).replace("Invited, link", "The link is")
                + ".", false);
        refresh();
    }

    private void say(String text, boolean failed) {
        outcome.setText(text);
        if (failed) {
            outcome.addClassName("outcome-failed");
        } else {
            outcome.removeClassName("outcome-failed");
        }
    }
}
