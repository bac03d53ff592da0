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
import uk.nhs.strategycheck.admin.ImportRow;
import uk.nhs.strategycheck.admin.OrganisationAdminService;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/** Imports trusts from an ODS-style CSV: preview first, errors per row, then all or nothing. */
@Route(value = "admin/organisations/import", layout = MainLayout.class)
@PageTitle("Import trusts - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class ImportTrustsView extends Main {

    private final OrganisationAdminService service;
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportRow> preview = new Grid<>();
    // Hidden until a file is read. The grid itself stays visible inside, so the browser has it
    // with its layout (columns or cards) from the start.
    private final Div previewShown = new Div(preview);
    private final Button confirm = new Button("Import these trusts");
    private byte[] file;

    public ImportTrustsView(OrganisationAdminService service) {
        this.service = service;
        add(new RouterLink("Back to organisations", OrganisationsView.class), new H1("Import trusts"),
                new Paragraph("Choose a CSV file (UTF-8) whose first line names the columns ods_code, name, trust_type, "
                        + "organisation_form and icb_ods_code, and optionally postcode. Trust types: acute, ambulance, "
                        + "community, mental health, specialist. Organisation forms: NHS trust, NHS foundation trust."),
                new Paragraph("You will see every row and its problems before anything is saved. If any row has a "
                        + "problem, nothing is imported."));

        add(CsvUpload.of("CSV file of trusts", OrganisationAdminService.MAX_IMPORT_BYTES, this::show));

        summary.getElement().setAttribute("role", "status");
        summary.addClassName("outcome");
        preview.setAriaLabel("Rows of the file");
        var columns = ResponsiveGrid.on(preview);
        columns.addColumn("Line", row -> "Line " + row.line()).setAutoWidth(true).setFlexGrow(0);
        columns.addColumn("ODS code", ImportRow::odsCode);
        columns.addColumn("Name", ImportRow::name).setFlexGrow(3);
        columns.addColumn("Type", row -> TrustDialog.trustTypeLabel(row.trustType()));
        columns.addColumn("ICB", ImportRow::icbOdsCode);
        columns.addColumn("Problems", row -> row.errors().isEmpty() ? "Ready to import" : String.join(" ", row.errors()))
                .setFlexGrow(4);
        preview.setAllRowsVisible(true);
        previewShown.setVisible(false);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible(false);
        confirm.addClickListener(click -> importFile());
        add(new H2("Preview"), summary, previewShown, confirm);
    }

    private void show(byte[] data) {
        file = data;
        try {
            List<ImportRow> rows = service.previewImport(data);
            long wrong = rows.stream().filter(r -> !r.errors().isEmpty()).count();
            preview.setItems(rows);
            previewShown.setVisible(true);
            confirm.setVisible(wrong == 0 && !rows.isEmpty());
            summary.setText(rows.size() + (rows.size() == 1 ? " row" : " rows") + ", " + wrong + " with problems. "
                    + (wrong == 0 ? "Check them, then import." : "Nothing will be imported until every row is right."));
        } catch (AdminProblem refused) {
            previewShown.setVisible(false);
            confirm.setVisible(false);
            summary.setText("Not read: " + refused.getMessage());
        }
    }

    private void importFile() {
        try {
            int count = service.importTrusts(file);
            confirm.setVisible(false);
            summary.setText("Imported " + count + (count == 1 ? " trust." : " trusts."));
        } catch (AdminProblem refused) {
            summary.setText("Nothing imported: " + refused.getMessage());
        }
    }
}
