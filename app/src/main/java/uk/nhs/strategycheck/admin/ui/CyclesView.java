package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Map;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.admin.CycleAdminService;
import uk.nhs.strategycheck.admin.CycleAssessment;
import uk.nhs.strategycheck.admin.CycleRow;
import uk.nhs.strategycheck.admin.RegionChoice;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;

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
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Assessment cycles");
        if (cycles.national()) {
            grid.addColumn(CycleRow::regionName).setHeader("Region").setSortable(true);
        }
        grid.addColumn(CycleRow::name).setHeader("Cycle").setSortable(true);
        grid.addColumn(c -> Dates.format(c.opensOn())).setHeader("Opens");
        grid.addColumn(c -> Dates.format(c.closesOn())).setHeader("Last day");
        grid.addColumn(c -> c.state(cycles.today())).setHeader("State");
        grid.addComponentColumn(c -> actions(c, cycles.today())).setHeader("Actions").setAutoWidth(true);
        grid.setItems(cycles.cycles());
        grid.setAllRowsVisible(true);
        add(grid, newCycleForm(cycles));
    }

    private Div actions(CycleRow cycle, java.time.LocalDate today) {
        var actions = new Div();
        var state = cycle.state(today);
        if (state.equals("Not yet open")) {
            actions.add(button("Open now", cycle, () -> service.openNow(cycle.id()), "opened"));
        } else if (state.equals("Open")) {
            actions.add(button("Close now", cycle, () -> service.closeNow(cycle.id()), "closed"));
        } else {
            var reopen = new Button("Reopen a trust's assessment", click -> reopenDialog(cycle).open());
            reopen.setAriaLabel("Reopen a trust's assessment in " + cycle.name() + ", " + cycle.regionName());
            actions.add(reopen);
        }
        return actions;
    }

    private Button button(String label, CycleRow cycle, Runnable change, String done) {
        var button = new Button(label, click -> {
            try {
                change.run();
                render();
                outcome.setText("The " + cycle.name() + " cycle of " + cycle.regionName() + " is " + done + ".");
            } catch (AdminProblem refused) {
                outcome.setText("Not changed: " + refused.getMessage());
            }
        });
        button.setAriaLabel(label + ": " + cycle.name() + ", " + cycle.regionName());
        return button;
    }

    private Div newCycleForm(CycleAdminService.Cycles cycles) {
        var region = new Select<RegionChoice>();
        region.setLabel("Region");
        region.setItems(cycles.regions());
        region.setItemLabelGenerator(RegionChoice::name);
        region.setVisible(cycles.national());
        var name = new TextField("Name");
        name.setHelperText("The financial year, for example 2027/28");
        var opens = new DatePicker("Opens on");
        var closes = new DatePicker("Last day");
        opens.setLocale(Locale.UK);
        closes.setLocale(Locale.UK);
        Map<String, HasValidation> fields = Map.of("region", region, "name", name, "opensOn", opens, "closesOn", closes);
        var create = new Button("Create cycle", click -> {
            fields.values().forEach(f -> f.setInvalid(false));
            if (!PlainTextFields.check(name)) {
                return;
            }
            try {
                var created = service.create(region.getValue() == null ? null : region.getValue().id(), name.getValue(),
                        opens.getValue(), closes.getValue());
                render();
                outcome.setText("Created the " + created.name() + " cycle of " + created.regionName() + ".");
            } catch (AdminProblem refused) {
                var field = fields.get(refused.field());
                if (field != null) {
                    field.setErrorMessage(refused.getMessage());
                    field.setInvalid(true);
                } else {
                    outcome.setText("Not created: " + refused.getMessage());
                }
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(region, name, opens, closes);
        var box = new Div(new H2("New cycle"), form, create);
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
        var until = new DatePicker("Open until");
        until.setLocale(Locale.UK);
        until.setHelperText("The last day the trust can change it");
        var reason = new TextArea("Reason");
        reason.setHelperText("The trust sees this in its assessment's history.");
        reason.setMaxLength(2000);
        reason.setWidthFull();
        var problem = new Paragraph();
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        Map<String, HasValidation> fields = Map.of("trust", trust, "until", until, "reason", reason);
        var confirm = new Button("Reopen", click -> {
            fields.values().forEach(f -> f.setInvalid(false));
            problem.setVisible(false);
            if (!PlainTextFields.check(reason)) {
                return;
            }
            try {
                var chosen = trust.getValue();
                service.reopen(cycle.id(), chosen == null ? null : chosen.trustOdsCode(), until.getValue(), reason.getValue());
                dialog.close();
                render();
                outcome.setText("Reopened " + chosen.trustName() + "'s " + cycle.name() + " assessment until "
                        + Dates.format(until.getValue()) + ".");
            } catch (AdminProblem refused) {
                var field = fields.get(refused.field());
                if (field != null) {
                    field.setErrorMessage(refused.getMessage());
                    field.setInvalid(true);
                } else {
                    problem.setText(refused.getMessage());
                    problem.setVisible(true);
                }
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(problem, new FormLayout(trust, until, reason));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        return dialog;
    }
}
