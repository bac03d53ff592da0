package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.benchmark.SubmissionRow;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.CycleChooser;

/** Who has submitted, who is late, and a reminder for those who are. */
@Menu(title = "Submission status", order = 20)
@Route(value = "ics/submissions", layout = MainLayout.class)
@PageTitle("Submission status - Digital Strategy Check")
@RolesAllowed("ICS_LEADER")
public class SubmissionsView extends Main {

    private final BenchmarkService benchmarks;
    private final Paragraph outcome = new Paragraph();

    public SubmissionsView(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
        outcome.getElement().setAttribute("role", "status");
        outcome.addClassName("outcome");
        show(Optional.empty());
    }

    private void show(Optional<String> cycleName) {
        removeAll();
        var loaded = benchmarks.submissions(cycleName);
        if (loaded.isEmpty()) {
            add(new H1("Submission status"), new Paragraph("There are no assessment cycles in your region yet."));
            return;
        }
        var submissions = loaded.get();
        add(new H1(submissions.icsName() + " ICS: submission status"));
        long submitted = submissions.trusts().stream()
                .filter(r -> r.state() == SubmissionRow.State.SUBMITTED || r.state() == SubmissionRow.State.APPROVED).count();
        add(new Paragraph(submitted + " of " + submissions.trusts().size() + " member trusts have submitted their "
                + submissions.cycleName() + " assessment. The cycle closes on " + Dates.format(submissions.closesOn()) + "."));
        add(new CycleChooser(submissions.cycleNames(), submissions.cycleName(), chosen -> show(Optional.of(chosen))));
        add(outcome);

        var grid = new Grid<SubmissionRow>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Member trusts' submission status, " + submissions.cycleName());
        grid.addColumn(r -> r.trust().name()).setHeader("Trust").setFlexGrow(3).setSortable(true);
        grid.addColumn(r -> r.state().label()).setHeader("Status").setSortable(true);
        grid.addColumn(r -> r.state() == SubmissionRow.State.NOT_STARTED ? "-" : r.answered() + " of 28")
                .setHeader("Answered");
        grid.addColumn(r -> r.lastActivity().map(Dates::dateTime).orElse("None")).setHeader("Last activity");
        grid.addColumn(r -> r.lastReminder().map(Dates::dateTime).orElse("None")).setHeader("Last reminder");
        grid.addComponentColumn(r -> {
            if (!r.state().late()) {
                return new com.vaadin.flow.component.html.Span("");
            }
            var remind = new Button("Send reminder", click -> remind(r, submissions.cycleName()));
            remind.setAriaLabel("Send reminder to " + r.trust().name());
            return remind;
        }).setHeader("Reminder").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(submissions.trusts());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private void remind(SubmissionRow row, String cycleName) {
        try {
            int editors = benchmarks.sendReminder(row.trust().odsCode(), cycleName);
            show(Optional.of(cycleName));
            outcome.setText("Reminder sent to " + editors + (editors == 1 ? " editor" : " editors") + " of "
                    + row.trust().name() + ".");
            outcome.removeClassName("outcome-failed");
        } catch (BenchmarkService.ReminderRefused refused) {
            outcome.setText("Not sent: " + refused.getMessage());
            outcome.addClassName("outcome-failed");
        }
    }
}
