package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.admin.ChangePreview;
import uk.nhs.strategycheck.admin.ChangeStatus;
import uk.nhs.strategycheck.admin.ChangeStep;
import uk.nhs.strategycheck.admin.OrganisationChange;
import uk.nhs.strategycheck.admin.OrganisationChangeService;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/**
 * Organisation changes: the planned, applied and cancelled ones; for each, everything it
 * touches before it is applied, then apply or cancel. New changes are typed in or imported.
 */
@Menu(title = "Organisation changes", order = 31.6)
@Route(value = "admin/changes", layout = MainLayout.class)
@PageTitle("Organisation changes - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class OrganisationChangesView extends Main {

    private final OrganisationChangeService service;
    private final Paragraph outcome = new Paragraph();
    private final Select<Optional<ChangeStatus>> shown = new Select<>();
    private final Grid<OrganisationChange> changes = new Grid<>();
    private final Div details = new Div();

    public OrganisationChangesView(OrganisationChangeService service) {
        this.service = service;
        outcome.getElement().setAttribute("role", "status");
        outcome.addClassName("outcome");
        add(new H1("Organisation changes"), new Paragraph("ICSs merge and split, trusts move, merge, are acquired, "
                + "renamed and close. Record a change with the day it takes effect; check everything it touches; "
                + "then apply it on or after that day (a planned change whose day has come is also applied "
                + "overnight). History is kept: past cycles still read as they were published."), outcome);

        var record = new Button("Record a change", click -> new ChangeDialog(service, recorded -> {
            shown.setValue(Optional.of(ChangeStatus.PLANNED));
            refresh();
            changes.select(recorded);
            outcome.setText("Recorded: " + recorded.title() + ". Check it below, then apply it on or after "
                    + Dates.format(recorded.effectiveOn()) + ".");
        }).open());
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var actions = new Div(record, new RouterLink("Import a change file", ImportChangesView.class));
        actions.addClassName("filters");

        shown.setLabel("Show");
        shown.setItems(Optional.of(ChangeStatus.PLANNED), Optional.of(ChangeStatus.APPLIED),
                Optional.of(ChangeStatus.CANCELLED), Optional.empty());
        shown.setItemLabelGenerator(s -> s.map(status -> status.label() + " changes").orElse("All changes"));
        shown.setValue(Optional.of(ChangeStatus.PLANNED));
        shown.addValueChangeListener(change -> refresh());

        changes.setAriaLabel("Organisation changes");
        var columns = ResponsiveGrid.on(changes);
        columns.addColumn("Change", OrganisationChange::title).setFlexGrow(3);
        columns.addColumn("Takes effect", c -> Dates.format(c.effectiveOn())).setAutoWidth(true).setFlexGrow(0);
        columns.addColumn("Status", c -> c.status().label());
        columns.addColumn("Steps", c -> c.steps().size());
        columns.addColumn("Recorded by", c -> c.recordedBy() == null ? "Service data" : c.recordedBy());
        changes.setAllRowsVisible(true);
        changes.asSingleSelect().addValueChangeListener(selected -> showDetails(selected.getValue()));
        add(actions, shown, changes, details);
        refresh();
    }

    private void refresh() {
        changes.setItems(service.changes(shown.getValue().orElse(null)));
        details.removeAll();
    }

    private void showDetails(OrganisationChange change) {
        details.removeAll();
        if (change == null) {
            return;
        }
        var preview = service.preview(change.id());
        details.add(new H2(change.title()));
        details.add(new Paragraph(change.status().label() + ". Takes effect on " + Dates.format(change.effectiveOn())
                + (change.appliedAt() == null ? "" : change.recordedBy() == null ? "; part of the service's organisation data"
                        : "; applied " + Dates.dateTime(change.appliedAt())
                                + (change.appliedBy() != null ? " by " + change.appliedBy() : " by the daily job"))
                + "."));
        var steps = new UnorderedList();
        change.steps().stream().map(ChangeStep::describe).map(ListItem::new).forEach(steps::add);
        details.add(new H3("Steps"), steps);

        if (change.status() == ChangeStatus.PLANNED) {
            var check = new Paragraph(preview.problem()
                    .map(problem -> "It cannot be applied as it stands: " + problem)
                    .orElse("The database accepts this change as it stands (it was tried and undone)."));
            check.addClassName(preview.applicable() ? "check-ok" : "check-problem");
            details.add(check);
            details.add(actions(change, preview));
        }
        details.add(new H3("Trusts"), grid("Trusts the change touches", preview.trusts(), List.of(
                column("Trust", t -> t.name() + " (" + t.odsCode() + ")"), column("ICS now", ChangePreview.AffectedTrust::fromIcs),
                column("What happens", ChangePreview.AffectedTrust::outcome))));
        details.add(new H3("Assessments"), grid("Assessments the change touches", preview.assessments(), List.of(
                column("Trust", a -> a.trustName() + " (" + a.trustOdsCode() + ")"),
                column("Cycle", ChangePreview.AffectedAssessment::cycleName),
                column("Status", ChangePreview.AffectedAssessment::status),
                column("What happens", ChangePreview.AffectedAssessment::outcome))));
        details.add(new H3("Users and roles"), grid("Users and roles the change touches", preview.roles(), List.of(
                column("User", r -> r.userName() + " (" + r.email() + ")"), column("Role", ChangePreview.AffectedRole::role),
                column("At", ChangePreview.AffectedRole::organisation), column("What happens", ChangePreview.AffectedRole::outcome))));
        if (change.status() == ChangeStatus.APPLIED) {
            details.add(successorRoles(change));
        }
    }

    private Div actions(OrganisationChange change, ChangePreview preview) {
        boolean due = !change.effectiveOn().isAfter(LocalDate.now(Dates.ENGLAND));
        var apply = new Button("Apply change", click -> confirmApply(change, preview));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(due && preview.applicable());
        var cancel = new Button("Cancel change", click -> {
            try {
                service.cancel(change.id(), change.version());
                refresh();
                outcome.setText("Cancelled: " + change.title() + ".");
            } catch (AdminProblem refused) {
                outcome.setText("Not cancelled: " + refused.getMessage());
            }
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var buttons = new Div(apply, cancel);
        buttons.addClassName("filters");
        var wrapper = new Div();
        if (!due) {
            wrapper.add(new Paragraph("It can be applied from " + Dates.format(change.effectiveOn()) + "."));
        }
        wrapper.add(buttons);
        return wrapper;
    }

    /** Applying a change is checked first: it moves organisations, freezes assessments and ends roles at once. */
    private void confirmApply(OrganisationChange change, ChangePreview preview) {
        var steps = new UnorderedList();
        change.steps().stream().map(ChangeStep::describe).map(ListItem::new).forEach(steps::add);
        var affected = new UnorderedList(
                new ListItem(count(preview.trusts().size(), "trust", "trusts") + " "
                        + (preview.trusts().size() == 1 ? "changes" : "change") + " ICS, name or status"),
                new ListItem(count(preview.assessments().size(), "assessment", "assessments") + " "
                        + (preview.assessments().size() == 1 ? "follows its trust or becomes" : "follow their trusts or become")
                        + " read-only"),
                new ListItem(count(preview.roles().size(), "person's role", "people's roles") + " "
                        + (preview.roles().size() == 1 ? "ends or moves" : "end or move")));
        new ConfirmationDialog("Apply " + change.title() + "?", "Apply change", () -> {
            try {
                var applied = service.apply(change.id());
                shown.setValue(Optional.of(ChangeStatus.APPLIED));
                refresh();
                changes.select(applied);
                outcome.setText("Applied: " + applied.title() + ".");
            } catch (AdminProblem refused) {
                outcome.setText("Not applied: " + refused.getMessage());
            }
        })
                .addParagraph("These steps happen at once, all or nothing:")
                .addContent(steps)
                .addParagraph("Who is affected (each is listed under the change):")
                .addContent(affected)
                .addParagraph("Roles that end stop working at the person's next click. This cannot be undone: to "
                        + "reverse it, record and apply another change. Past cycles still read as they were published.")
                .open();
    }

    private static String count(int n, String one, String many) {
        return String.format("%,d %s", n, n == 1 ? one : many);
    }

    /** ICS leaders whose role ended with their ICS, with the same role offered at each successor. */
    private Div successorRoles(OrganisationChange change) {
        var panel = new Div();
        var ended = service.endedRoles(change.id());
        if (ended.isEmpty()) {
            return panel;
        }
        panel.add(new H3("Roles that ended"));
        for (var role : ended) {
            var line = new Div(new Paragraph(role.userName() + " (" + role.email() + ") led " + role.formerIcs()
                    + "; that role ended on " + Dates.format(change.effectiveOn()) + "."));
            for (var successor : role.successors()) {
                var give = new Button("Make " + role.userName() + " ICS leader of " + successor.name(), click -> {
                    try {
                        service.giveRoleAtSuccessor(change.id(), role.userId(), successor);
                        outcome.setText(role.userName() + " is now ICS leader of " + successor.name() + ".");
                        click.getSource().setEnabled(false);
                    } catch (AdminProblem refused) {
                        outcome.setText("Not given: " + refused.getMessage());
                    }
                });
                line.add(give);
            }
            panel.add(line);
        }
        return panel;
    }

    private record Column<T>(String header, java.util.function.Function<T, String> value) {
    }

    private static <T> Column<T> column(String header, java.util.function.Function<T, String> value) {
        return new Column<>(header, value);
    }

    private static <T> Div grid(String label, List<T> items, List<Column<T>> columns) {
        if (items.isEmpty()) {
            return new Div(new Paragraph("None."));
        }
        var grid = new Grid<T>();
        grid.setAriaLabel(label);
        var responsive = ResponsiveGrid.on(grid);
        columns.forEach(c -> responsive.addColumn(c.header(), c.value()::apply));
        grid.setItems(items);
        grid.setAllRowsVisible(items.size() <= 50);
        return new Div(grid);
    }
}
