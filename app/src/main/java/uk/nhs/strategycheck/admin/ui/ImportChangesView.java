package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.admin.ChangeFileRow;
import uk.nhs.strategycheck.admin.OrganisationChangeService;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/** Imports organisation changes from a change file: preview, errors per line, then all or nothing. */
@Route(value = "admin/changes/import", layout = MainLayout.class)
@PageTitle("Import organisation changes - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class ImportChangesView extends Main {

    private final OrganisationChangeService service;
    private final Paragraph summary = new Paragraph();
    private final Grid<ChangeFileRow> preview = new Grid<>();
    // Hidden until a file is read. The grid itself stays visible inside, so the browser has it
    // with its layout (columns or cards) from the start.
    private final Div previewShown = new Div(preview);
    private final Button confirm = new Button("Import and apply these changes");
    private byte[] file;

    public ImportChangesView(OrganisationChangeService service) {
        this.service = service;
        add(new RouterLink("Back to organisation changes", OrganisationChangesView.class),
                new H1("Import organisation changes"),
                new Paragraph("Choose a change file (CSV, UTF-8) in the format of NHS England's organisation changes: "
                        + "a first line naming the columns effective_on, change, ods_code, name, short_name, from_ics, "
                        + "to_ics, region and successor (source, note, trust_type and organisation_form may follow). "
                        + "Changes: ICS_OPENED, ICS_CLOSED, ICS_RENAMED, TRUST_MOVED, TRUST_CLOSED, TRUST_OPENED, "
                        + "TRUST_RENAMED; dates as 2026-04-01, the first day the change holds. You will see every line "
                        + "and its problems before anything is saved. Lines the service already shows are skipped, so "
                        + "a file can be loaded again safely. If any line has a problem, nothing is imported; otherwise "
                        + "each date's changes become one change, applied at once if its day has come."));

        add(CsvUpload.of("Change file (CSV)", OrganisationChangeService.MAX_FILE_BYTES, this::show));

        summary.getElement().setAttribute("role", "status");
        summary.addClassName("outcome");
        preview.setAriaLabel("Lines of the change file");
        var columns = ResponsiveGrid.on(preview);
        columns.addColumn("Line", r -> "Line " + r.line()).setAutoWidth(true).setFlexGrow(0);
        columns.addColumn("Takes effect", r -> r.effectiveOn() == null ? "" : Dates.format(r.effectiveOn()));
        columns.addColumn("Change", ChangeFileRow::description).setFlexGrow(3);
        columns.addColumn("Problems", r -> !r.errors().isEmpty() ? String.join(" ", r.errors())
                : r.alreadyApplied() ? "Already in the service" : "Ready to import").setFlexGrow(3);
        preview.setAllRowsVisible(true);
        previewShown.setVisible(false);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible(false);
        confirm.addClickListener(click -> importFile());
        add(new H2("Preview"), summary, confirm, previewShown);
    }

    private void show(byte[] data) {
        file = data;
        try {
            List<ChangeFileRow> rows = service.previewFile(data);
            long wrong = rows.stream().filter(r -> !r.errors().isEmpty()).count();
            long applied = rows.stream().filter(ChangeFileRow::alreadyApplied).count();
            long ready = rows.size() - wrong - applied;
            preview.setItems(rows);
            previewShown.setVisible(true);
            confirm.setVisible(wrong == 0 && ready > 0);
            summary.setText(rows.size() + (rows.size() == 1 ? " line" : " lines") + ": " + ready + " to import, "
                    + applied + " already in the service, " + wrong + " with problems. "
                    + (wrong > 0 ? "Nothing will be imported until every line is right."
                            : ready == 0 ? "There is nothing to import." : "Check them, then import."));
        } catch (AdminProblem refused) {
            previewShown.setVisible(false);
            confirm.setVisible(false);
            summary.setText("Not read: " + refused.getMessage());
        }
    }

    private void importFile() {
        try {
            var recorded = service.importFile(file);
            confirm.setVisible(false);
            long applied = recorded.stream().filter(c -> c.appliedAt() != null).count();
            summary.setText("Imported " + recorded.size() + (recorded.size() == 1 ? " change" : " changes") + ": "
                    + applied + " applied, " + (recorded.size() - applied) + " planned for a later date.");
        } catch (AdminProblem refused) {
            summary.setText("Nothing imported: " + refused.getMessage());
        }
    }
}
