package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.admin.CycleAdminService;
import uk.nhs.strategycheck.admin.CycleAssessment;
import uk.nhs.strategycheck.admin.CycleRow;
import uk.nhs.strategycheck.admin.RegionChoice;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/** Assessment cycles: create, open, close, and reopen one trust's assessment after close. */
@Menu(title = "Cycles", order = 33)
@Route(value = "admin/cycles", layout = MainLayout.class)
@PageTitle("Cycles - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class CyclesView extends Main {

    private final CycleAdminService service;
    private final Paragraph outcome = new Paragraph();

    public CyclesView(CycleAdminService service) {
        this.service = service;
        outcome.getElement().setAttribute("role", "status");
        outcome.addClassName("outcome");
        render();
    }

    private void render() {
        removeAll();
        var cycles = service.cycles();
        add(new H1("Assessment cycles"), new Paragraph("A cycle is open from its first day to its last day, both "
                + "included. Trusts can change their assessments only while it is open, unless you reopen one."), outcome);

        var grid = new Grid<CycleRow>();
        grid.setAriaLabel("Assessment cycles");
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn("Cycle", CycleRow::name).setSortable(true);
        if (cycles.national()) {
            columns.addColumn("Region", CycleRow::regionName).setSortable(true);
        }
        columns.addColumn("First day", c -> Dates.format(c.opensOn()));
        columns.addColumn("Last day", c -> Dates.format(c.closesOn()));
        columns.addColumn("State", c -> c.state(cycles.today()));
        columns.addComponentColumn("Actions", c -> actions(c, cycles.today())).setKey("actions").setAutoWidth(true);
        grid.setItems(cycles.cycles());
        grid.setAllRowsVisible(true);
        add(grid, newCycleForm(cycles));
    }

    private Div actions(CycleRow cycle, LocalDate today) {
        var actions = new Div();
        actions.addClassName("row-actions");
        var state = cycle.state(today);
        if (state.equals("Not yet open")) {
            var open = new Button("Open now", click -> change(() -> service.openNow(cycle.id()), cycle, "opened"));
            open.setAriaLabel("Open now: " + cycle.name() + ", " + cycle.regionName());
            actions.add(open);
        } else if (state.equals("Open")) {
            var close = new Button("Close cycle now", click -> confirmClose(cycle));
            close.setAriaLabel("Close cycle now: " + cycle.name() + ", " + cycle.regionName());
            actions.add(close);
        } else {
            var reopen = new Button("Reopen an assessment", click -> reopenDialog(cycle).open());
            reopen.setAriaLabel("Reopen a trust's assessment in " + cycle.name() + ", " + cycle.regionName());
            actions.add(reopen);
        }
        return actions;
    }

    /** Closing a cycle is checked first: it stops every trust in the region at once. */
    private void confirmClose(CycleRow cycle) {
        CycleAdminService.Closure closure;
        try {
            closure = service.closure(cycle.id());
        } catch (AdminProblem refused) {
            outcome.setText("Not closed: " + refused.getMessage());
            return;
        }
        var affected = new UnorderedList(
                new ListItem("Region: " + cycle.regionName()),
                new ListItem(count(closure.trusts(), "trust", "trusts") + " in the region"),
                new ListItem(String.format("%,d of %s started %s not yet approved", closure.notApproved(),
                        count(closure.assessments(), "assessment", "assessments"),
                        closure.notApproved() == 1 ? "is" : "are")));
        new ConfirmationDialog("Close the " + cycle.name() + " cycle for " + cycle.regionName() + " now?",
                "Close cycle now", () -> change(() -> service.closeNow(cycle.id()), cycle, "closed"))
                .addParagraph("The cycle's last day becomes " + Dates.format(closure.lastDay()) + ". It closes for "
                        + "every trust in the region at once:")
                .addContent(affected)
                .addParagraph(closure.notApproved() == 0 ? "Every assessment started is approved."
                        : "The " + count(closure.notApproved(), "assessment", "assessments") + " not yet approved "
                                + "become read-only: their trusts can no longer change or submit them, and approvers "
                                + "can no longer approve or return them. Trusts that have not started cannot start.")
                .addParagraph("This cannot be undone. Afterwards you can only reopen one trust's assessment at a "
                        + "time, until a date you choose.")
                .destructive()
                .open();
    }

    private void change(Runnable change, CycleRow cycle, String done) {
        try {
            change.run();
            render();
            outcome.setText("The " + cycle.name() + " cycle of " + cycle.regionName() + " is " + done + ".");
        } catch (AdminProblem refused) {
            outcome.setText("Not changed: " + refused.getMessage());
        }
    }

    private static String count(int n, String one, String many) {
        return String.format("%,d %s", n, n == 1 ? one : many);
    }

    private Div newCycleForm(CycleAdminService.Cycles cycles) {
        var region = new Select<RegionChoice>();
        region.setLabel("Region");
        region.setItems(cycles.regions());
        region.setItemLabelGenerator(RegionChoice::name);
        region.setVisible(cycles.national());
        var name = new TextField("Name");
        name.setHelperText("The financial year, for example 2027/28");
        var opens = UkDatePicker.of("First day", null, LocalDate.of(2027, 4, 1));
        var closes = UkDatePicker.of("Last day", null, LocalDate.of(2028, 3, 31));
        var errors = new AdminForm().field("region", region).field("name", name).field("opensOn", opens)
                .field("closesOn", closes);
        var create = new Button("Create cycle", click -> errors.save(() -> service.create(
                        region.getValue() == null ? null : region.getValue().id(), name.getValue(), opens.getValue(),
                        closes.getValue()))
                .ifPresent(created -> {
                    render();
                    outcome.setText("Created the " + created.name() + " cycle of " + created.regionName() + ".");
                }));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(region, name, opens, closes);
        var box = new Div(new H2("New cycle"), errors.summary(), form, create);
        box.addClassName("new-cycle");
        return box;
    }

    private Dialog reopenDialog(CycleRow cycle) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Reopen an assessment: " + cycle.name() + ", " + cycle.regionName());
        var trust = new Select<CycleAssessment>();
        trust.setLabel("Trust");
        trust.setItems(service.assessments(cycle.id()));
        trust.setItemLabelGenerator(a -> a.trustName() + " (" + a.trustOdsCode() + ")");
        var today = LocalDate.now(Dates.ENGLAND);
        var until = UkDatePicker.of("Open until", "The last day the trust can change it", today.plusDays(14));
        var reason = new TextArea("Reason");
        reason.setHelperText("The trust sees this in its assessment's history.");
        reason.setMaxLength(2000);
        reason.setWidthFull();
        var errors = new AdminForm().field("trust", trust).field("until", until).field("reason", reason);
        var confirm = new Button("Reopen", click -> {
            var chosen = trust.getValue();
            if (errors.save(() -> service.reopen(cycle.id(), chosen == null ? null : chosen.trustOdsCode(),
                    until.getValue(), reason.getValue()))) {
                dialog.close();
                render();
                outcome.setText("Reopened " + chosen.trustName() + "'s " + cycle.name() + " assessment until "
                        + Dates.format(until.getValue()) + ".");
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(trust, until, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(errors.summary(), form);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        return dialog;
    }
}
