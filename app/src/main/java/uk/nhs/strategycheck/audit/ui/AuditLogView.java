package uk.nhs.strategycheck.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import uk.nhs.strategycheck.audit.AuditEntry;
import uk.nhs.strategycheck.audit.AuditFilter;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;
import uk.nhs.strategycheck.shared.ui.CsvDownload;

/** Who did what, when, to what: the audit log, filtered and paged, with CSV export. */
@Menu(title = "Audit log", order = 35)
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit log - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class AuditLogView extends Main {

    private static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;
    private final TextField organisation = new TextField("Organisation");
    private final TextField user = new TextField("User");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Paragraph total = new Paragraph();
    private final Grid<AuditEntry> grid = new Grid<>();
    /** The entries the grid shows, and the CSV holds. */
    private AuditFilter shown;

    public AuditLogView(AuditLog auditLog) {
        this.auditLog = auditLog;
        add(new H1("Audit log"), new Paragraph("Every change to answers, actions, assessment status, reminders and "
                + "report downloads in your area, newest first. The log cannot be changed."));

        organisation.setHelperText("ODS code or name");
        user.setHelperText("Name or e-mail address");
        action.setItems(auditLog.actions());
        action.setClearButtonVisible(true);
        from.setLocale(Locale.UK);
        to.setLocale(Locale.UK);
        for (var field : new TextField[] {organisation, user}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(change -> refresh());
        }
        action.addValueChangeListener(change -> refresh());
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());

        var download = CsvDownload.link("Download these entries as CSV", "audit-log.csv", () -> auditLog.csv(shown));
        var filters = new Div(organisation, user, action, from, to, download);
        filters.addClassName("filters");

        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Audit log entries");
        grid.addColumn(entry -> Dates.dateTime(entry.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> entry.userName() + " (" + entry.userEmail() + ")").setHeader("Who").setFlexGrow(2);
        grid.addColumn(AuditEntry::organisation).setHeader("Organisation").setFlexGrow(2);
        grid.addColumn(AuditEntry::action).setHeader("Action").setFlexGrow(1);
        grid.addColumn(entry -> entry.entityType() + (entry.entityId() == null ? "" : " " + entry.entityId()))
                .setHeader("What").setFlexGrow(1);
        grid.addColumn(entry -> entry.before() == null ? "" : entry.before()).setHeader("Before").setFlexGrow(3);
        grid.addColumn(entry -> entry.after() == null ? "" : entry.after()).setHeader("After").setFlexGrow(3);
        grid.setPageSize(PAGE_SIZE);
        grid.setHeight("70vh");
        add(filters, total, grid);
        refresh();
    }

    private AuditFilter filter() {
        return new AuditFilter(organisation.getValue(), user.getValue(), action.getValue(), from.getValue(), to.getValue());
    }

    private void refresh() {
        if (!PlainTextFields.check(organisation, user)) {
            return;
        }
        var filter = filter();
        shown = filter;
        total.setText(String.format("%,d entries", auditLog.count(filter)));
        grid.setItems(query -> auditLog.search(filter, query.getOffset(), query.getLimit()).stream(),
                query -> auditLog.count(filter));
    }
}
