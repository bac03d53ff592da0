package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.admin.IcsRow;
import uk.nhs.strategycheck.admin.OrganisationAdminService;
import uk.nhs.strategycheck.admin.RegionChoice;
import uk.nhs.strategycheck.admin.TrustRow;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

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

        icss.setAriaLabel("Integrated care systems");
        var icsColumns = ResponsiveGrid.on(icss);
        icsColumns.addColumn("Integrated care system", IcsRow::shortName).setFlexGrow(2);
        icsColumns.addColumn("ODS code", IcsRow::odsCode);
        icsColumns.addColumn("Region", IcsRow::regionName);
        icsColumns.addColumn("Open trusts", IcsRow::trusts);
        icsColumns.addColumn("Status", i -> (i.closedOn() == null ? "Open" : "Closed from " + Dates.format(i.closedOn()))
                + (i.links() == null || i.links().isEmpty() ? "" : ". " + i.links())).setFlexGrow(2);
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

        trusts.setAriaLabel("Trusts");
        var trustColumns = ResponsiveGrid.on(trusts);
        trustColumns.addColumn("Trust", TrustRow::name).setFlexGrow(3);
        trustColumns.addColumn("ODS code", TrustRow::odsCode);
        trustColumns.addColumn("Type", t -> t.trustType() == null ? "Not classified" : TrustDialog.trustTypeLabel(t.trustType()));
        trustColumns.addColumn("ICS", TrustRow::icsName);
        trustColumns.addColumn("Status", t -> (t.closedOn() == null ? "Open" : "Closed from " + Dates.format(t.closedOn()))
                + (t.links() == null || t.links().isEmpty() ? "" : ". " + t.links())).setFlexGrow(2);
        trustColumns.addComponentColumn("Actions", this::trustActions).setKey("actions").setAutoWidth(true);
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
        actions.addClassName("row-actions");
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

    /** The day the trust closes, then a check of who that affects before it is done. */
    private Dialog closeDialog(TrustRow trust) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Close " + trust.name());
        var closedOn = UkDatePicker.of("Closed from", "The first day it is closed. A later date plans the closure "
                + "for that day", LocalDate.of(2027, 4, 1));
        closedOn.setValue(LocalDate.now(Dates.ENGLAND));
        var errors = new AdminForm().field("closedOn", closedOn);
        var next = new Button("Continue", click -> errors.save(() -> service.closure(trust.id(), closedOn.getValue()))
                .ifPresent(closure -> {
                    dialog.close();
                    confirmClosure(closure);
                }));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(errors.summary(), new Paragraph("A closed trust leaves lists and comparisons; its assessments and "
                + "history stay."), closedOn);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), next);
        return dialog;
    }

    private void confirmClosure(OrganisationAdminService.TrustClosure closure) {
        var trust = closure.trust();
        var day = Dates.format(closure.closedOn());
        new ConfirmationDialog("Close " + trust.name() + " (" + trust.odsCode() + ")" + (closure.planned()
                ? " from " + day + "?" : " now?"), "Close trust", () -> {
            try {
                service.closeTrust(trust.id(), closure.closedOn());
                refreshTrusts();
                outcome.setText(closure.planned() ? "Planned: " + trust.name() + " closes on " + day + "."
                        : "Closed " + trust.name() + ".");
            } catch (AdminProblem refused) {
                outcome.setText("Not closed: " + refused.getMessage());
            }
        })
                .addParagraph(trust.name() + ", a trust of " + trust.icsName() + ", closes "
                        + (closure.planned() ? "on " + day + ". Until then nothing changes." : "from " + day + "."))
                .addContent(new UnorderedList(
                        new ListItem(count(closure.users(), "person has a role", "people have roles") + " at the trust. "
                                + "They will be able to look but not change anything."),
                        new ListItem(count(closure.unapprovedAssessments(), "assessment is", "assessments are")
                                + " not yet approved. They stay as they are and can no longer be changed, submitted "
                                + "or approved.")))
                .addParagraph("The trust leaves lists, comparisons and medians; its history stays. " + (closure.planned()
                        ? "Until " + day + " you can cancel the closure under Organisation changes; after that it "
                                + "cannot be undone." : "This cannot be undone."))
                .destructive()
                .open();
    }

    private static String count(int n, String one, String many) {
        return String.format("%,d %s", n, n == 1 ? one : many);
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
        odsCode.setHelperText("For example, QKK");
        var name = new TextField("ICB name");
        name.setHelperText("For example, NHS South East London Integrated Care Board");
        var shortName = new TextField("Short name");
        shortName.setHelperText("For example, South East London");
        var errors = new AdminForm().field("region", region).field("odsCode", odsCode).field("name", name)
                .field("shortName", shortName);
        var create = new Button("Create ICS", click -> errors.save(() -> service.createIcs(
                        region.getValue() == null ? null : region.getValue().id(), odsCode.getValue(), name.getValue(),
                        shortName.getValue()))
                .ifPresent(created -> {
                    dialog.close();
                    icss.getDataProvider().refreshAll();
                    icsFilter.setItems(service.icss(0, 500));
                    outcome.setText("Created " + created.shortName() + " ICS (" + created.odsCode() + ").");
                }));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(region, odsCode, name, shortName);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(errors.summary(), form);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        return dialog;
    }
}
