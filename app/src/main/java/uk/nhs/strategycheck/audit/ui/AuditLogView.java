package uk.nhs.strategycheck.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import java.util.Locale;
import uk.nhs.strategycheck.audit.AuditAction;
import uk.nhs.strategycheck.audit.AuditEntry;
import uk.nhs.strategycheck.audit.AuditFilter;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;
import uk.nhs.strategycheck.shared.ui.CsvDownload;

/** Who did what, when, to what: the audit log, filtered and paged, with CSV export. */
@Menu(title = "Audit log", order = 35)
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit log - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class AuditLogView extends Main {

    private static final int PAGE_SIZE = 50;
    private static final int LONGEST_CHANGE = 300;

    private final AuditLog auditLog;
    private final TextField organisation = new TextField("Organisation");
    private final TextField user = new TextField("User");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Paragraph total = new Paragraph();
    private final Grid<AuditEntry> grid = new Grid<>();
    /** The entries the grid shows, and the CSV holds. */
    private AuditFilter shown;

    public AuditLogView(AuditLog auditLog) {
        this.auditLog = auditLog;
        add(new H1("Audit log"), new Paragraph("Who did what and when in your area, newest first: sign-ins, changes "
                + "to answers, actions, assessments, users and organisations, reminders and downloads. "
                + "Nobody can change the log."));

        organisation.setHelperText("ODS code or name");
        user.setHelperText("Name or email address");
        action.setItems(auditLog.actions());
        action.setItemLabelGenerator(AuditAction::label);
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

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Audit log entries");
        grid.addClassName("audit-log-grid");
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn("When", entry -> Dates.dateTime(entry.at())).setFlexGrow(1);
        columns.addComponentColumn("Who", AuditLogView::who).setFlexGrow(2);
        columns.addColumn("Organisation", AuditEntry::organisation).setFlexGrow(2);
        columns.addColumn("Action", AuditEntry::action).setFlexGrow(2);
        columns.addColumn("What", AuditEntry::subject).setFlexGrow(2);
        columns.addComponentColumn("Changes", AuditLogView::changes).setFlexGrow(4);
        grid.setPageSize(PAGE_SIZE);
        grid.setHeight("70vh");
        add(filters, total, grid);
        refresh();
    }

    private static Component who(AuditEntry entry) {
        var who = new Div(new Span(entry.userName()), new Span(entry.userEmail()));
        who.addClassName("stacked");
        if (!entry.role().isEmpty()) {
            var role = new Span(entry.role());
            role.addClassName("secondary");
            who.add(role);
        }
        return who;
    }

    /** The changes field by field; a very long value (evidence) is cut short here, and is whole in the CSV. */
    private static Component changes(AuditEntry entry) {
        var list = new UnorderedList();
        list.addClassName("audit-changes");
        entry.changes().forEach(change -> list.add(new ListItem(change.length() > LONGEST_CHANGE
                ? change.substring(0, LONGEST_CHANGE - 1) + "…" : change)));
        return list;
    }

    private AuditFilter filter() {
        return new AuditFilter(organisation.getValue(), user.getValue(),
                action.getValue() == null ? null : action.getValue().code(), from.getValue(), to.getValue());
    }

    private void refresh() {
        if (!PlainTextFields.check(organisation, user)) {
            return;
        }
        var filter = filter();
        shown = filter;
        total.setText(entries(auditLog.count(filter)));
        grid.setItems(query -> auditLog.search(filter, query.getOffset(), query.getLimit()).stream(),
                query -> auditLog.count(filter));
    }

    private static String entries(int count) {
        return String.format(Locale.UK, count == 1 ? "%,d entry" : "%,d entries", count);
    }
}
