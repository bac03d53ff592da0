package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.admin.IcsRow;
import uk.nhs.strategycheck.admin.OrganisationAdminService;
import uk.nhs.strategycheck.admin.RegionChoice;
import uk.nhs.strategycheck.admin.TrustRow;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;

/** The ICSs and trusts an admin manages: search, create, change, close, import. */
@Menu(title = "Organisations", order = 31.5)
@Route(value = "admin/organisations", layout = MainLayout.class)
@PageTitle("Organisations - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class OrganisationsView extends Main {

    private final OrganisationAdminService service;
    private final Paragraph outcome = new Paragraph();
    private final Grid<IcsRow> icss = new Grid<>();
    private final Grid<TrustRow> trusts = new Grid<>();
    private final TextField search = new TextField("Find a trust");
    private final Select<IcsRow> icsFilter = new Select<>();
    private final Checkbox includeClosed = new Checkbox("Include closed trusts");

    public OrganisationsView(OrganisationAdminService service) {
        this.service = service;
        outcome.getElement().setAttribute("role", "status");
        outcome.addClassName("outcome");
        add(new H1("Organisations"), outcome);

        icss.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        icss.setAriaLabel("Integrated care systems");
        icss.addColumn(IcsRow::shortName).setHeader("Integrated care system").setFlexGrow(2);
        icss.addColumn(IcsRow::odsCode).setHeader("ODS code");
        icss.addColumn(IcsRow::regionName).setHeader("Region");
        icss.addColumn(IcsRow::trusts).setHeader("Open trusts");
        icss.addColumn(i -> (i.closedOn() == null ? "Open" : "Closed from " + Dates.format(i.closedOn()))
                + (i.links() == null || i.links().isEmpty() ? "" : ". " + i.links())).setHeader("Status").setFlexGrow(2);
        icss.setItems(query -> service.icss(query.getOffset(), query.getLimit()).stream(), query -> service.countIcss());
        icss.setHeight("18rem");
        add(new H2("Integrated care systems"), icss, new Div(new Button("New ICS", click -> icsDialog().open()),
                new RouterLink("Organisation changes: mergers, splits, moves and closures", OrganisationChangesView.class)));

        search.setHelperText("Name or ODS code");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        icsFilter.setLabel("Integrated care system");
        icsFilter.setEmptySelectionAllowed(true);
        icsFilter.setEmptySelectionCaption("All");
        icsFilter.setItems(service.icss(0, 500));
        icsFilter.setItemLabelGenerator(i -> i == null ? "All" : i.shortName());
        search.addValueChangeListener(change -> refreshTrusts());
        icsFilter.addValueChangeListener(change -> refreshTrusts());
        includeClosed.addValueChangeListener(change -> refreshTrusts());

        trusts.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        trusts.setAriaLabel("Trusts");
        trusts.addColumn(TrustRow::name).setHeader("Trust").setFlexGrow(3);
        trusts.addColumn(TrustRow::odsCode).setHeader("ODS code");
        trusts.addColumn(t -> t.trustType() == null ? "Not classified" : t.trustType()).setHeader("Type");
        trusts.addColumn(TrustRow::icsName).setHeader("ICS");
        trusts.addColumn(t -> (t.closedOn() == null ? "Open" : "Closed from " + Dates.format(t.closedOn()))
                + (t.links() == null || t.links().isEmpty() ? "" : ". " + t.links())).setHeader("Status").setFlexGrow(2);
        trusts.addComponentColumn(this::trustActions).setHeader("Actions").setAutoWidth(true);
        trusts.setHeight("30rem");
        var filters = new Div(search, icsFilter, includeClosed);
        filters.addClassName("filters");
        var newTrust = new Button("New trust", click -> new TrustDialog(
                service.icss(0, 500).stream().filter(i -> i.closedOn() == null).toList(), null, service::createTrust,
                saved -> {
                    refreshTrusts();
                    outcome.setText("Created " + saved.name() + " (" + saved.odsCode() + ").");
                }).open());
        newTrust.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Trusts"), filters, trusts, new Div(newTrust,
                new RouterLink("Import trusts from a CSV file", ImportTrustsView.class)));
        refreshTrusts();
    }

    private Div trustActions(TrustRow trust) {
        var change = new Button("Change", click -> new TrustDialog(service.icss(0, 500), trust,
                form -> service.updateTrust(trust.id(), form), saved -> {
                    refreshTrusts();
                    outcome.setText("Saved " + saved.name() + ".");
                }).open());
        change.setAriaLabel("Change " + trust.name());
        var actions = new Div(change);
        if (trust.closedOn() == null) {
            var close = new Button("Close", click -> closeDialog(trust).open());
            close.setAriaLabel("Close " + trust.name());
            actions.add(close);
        }
        return actions;
    }

    private void refreshTrusts() {
        if (!PlainTextFields.check(search)) {
            return;
        }
        var text = search.getValue();
        var ics = icsFilter.getValue() == null ? null : icsFilter.getValue().id();
        boolean closed = includeClosed.getValue();
        trusts.setItems(query -> service.trusts(text, ics, closed, query.getOffset(), query.getLimit()).stream(),
                query -> service.countTrusts(text, ics, closed));
    }

    private Dialog closeDialog(TrustRow trust) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Close " + trust.name());
        var closedOn = new DatePicker("Closed from");
        closedOn.setHelperText("The first day it is closed. A future date plans the closure for that day.");
        closedOn.setLocale(Locale.UK);
        closedOn.setValue(LocalDate.now(Dates.ENGLAND));
        dialog.add(new Paragraph("A closed trust leaves lists and comparisons; its assessments and history stay."),
                closedOn);
        var confirm = new Button("Close trust", click -> {
            try {
                service.closeTrust(trust.id(), closedOn.getValue());
                dialog.close();
                refreshTrusts();
                outcome.setText(closedOn.getValue().isAfter(LocalDate.now(Dates.ENGLAND))
                        ? "Planned: " + trust.name() + " closes on " + Dates.format(closedOn.getValue()) + "."
                        : "Closed " + trust.name() + ".");
            } catch (AdminProblem refused) {
                closedOn.setErrorMessage(refused.getMessage());
                closedOn.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        return dialog;
    }

    private Dialog icsDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New integrated care system");
        var region = new Select<RegionChoice>();
        region.setLabel("Region");
        region.setItems(service.regions());
        region.setItemLabelGenerator(RegionChoice::name);
        region.setVisible(service.national());
        var odsCode = new TextField("ICB ODS code");
        odsCode.setHelperText("For example QKK");
        var name = new TextField("ICB name");
        name.setHelperText("For example NHS South East London Integrated Care Board");
        var shortName = new TextField("Short name");
        shortName.setHelperText("For example South East London");
        Map<String, HasValidation> fields = Map.of("region", region, "odsCode", odsCode, "name", name, "shortName", shortName);
        var create = new Button("Create ICS", click -> {
            fields.values().forEach(f -> f.setInvalid(false));
            if (!PlainTextFields.check(odsCode, name, shortName)) {
                return;
            }
            try {
                var created = service.createIcs(region.getValue() == null ? null : region.getValue().id(),
                        odsCode.getValue(), name.getValue(), shortName.getValue());
                dialog.close();
                icss.getDataProvider().refreshAll();
                icsFilter.setItems(service.icss(0, 500));
                outcome.setText("Created " + created.shortName() + " ICS (" + created.odsCode() + ").");
            } catch (AdminProblem refused) {
                var field = fields.getOrDefault(refused.field(), name);
                field.setErrorMessage(refused.getMessage());
                field.setInvalid(true);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(region, odsCode, name, shortName);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        return dialog;
    }
}
