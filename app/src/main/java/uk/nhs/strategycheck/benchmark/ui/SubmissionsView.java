package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.benchmark.SubmissionRow;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;
import uk.nhs.strategycheck.shared.ui.CycleChooser;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/** Who has submitted, who is late, and a reminder for those who are, checked before it is sent. */
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
                .filter(r -> r.state().submitted()).count();
        add(new Paragraph(submitted + " of " + submissions.trusts().size() + " member trusts "
                + (submitted == 1 ? "has" : "have") + " submitted their " + submissions.cycleName()
                + " assessment. The cycle closes on " + Dates.format(submissions.closesOn()) + "."));
        add(new CycleChooser(submissions.cycleNames(), submissions.cycleName(), chosen -> show(Optional.of(chosen))));
        add(outcome);

        var grid = new Grid<SubmissionRow>();
        grid.setAriaLabel("Member trusts' submission status, " + submissions.cycleName());
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn("Trust", r -> r.trust().name()).setFlexGrow(3).setSortable(true);
        columns.addColumn("Status", r -> r.state().label()).setSortable(true);
        columns.addColumn("Statements answered", r -> r.state() == SubmissionRow.State.NOT_STARTED ? "None" : r.answered() + " of 28");
        columns.addColumn("Last activity", r -> r.lastActivity().map(Dates::dateTime).orElse("None"));
        columns.addColumn("Last reminder", r -> r.lastReminder().map(Dates::dateTime).orElse("None"));
        columns.addComponentColumn("Reminder", r -> reminderButton(r, submissions.cycleName())).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(submissions.trusts());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private Component reminderButton(SubmissionRow row, String cycleName) {
        if (!row.state().late()) {
            return new Span("Not needed");
        }
        var remind = new Button("Send reminder", click -> check(row, cycleName));
        remind.setAriaLabel("Send reminder to " + row.trust().name());
        return remind;
    }

    /** Says who will get the email and what it is about; only "Send reminder" in the dialog sends it. */
    private void check(SubmissionRow row, String cycleName) {
        BenchmarkService.Reminder reminder;
        try {
            reminder = benchmarks.reminder(row.trust().odsCode(), cycleName);
        } catch (BenchmarkService.ReminderRefused refused) {
            refuse(refused);
            return;
        }
        int editors = reminder.editorNames().size();
        var names = new UnorderedList();
        reminder.editorNames().forEach(name -> names.add(new ListItem(name)));
        new ConfirmationDialog("Send a reminder to " + reminder.trustName() + "?", "Send reminder",
                () -> send(row, cycleName))
                .addParagraph("An email will go to " + (editors == 1 ? "the 1 editor" : "all " + editors + " editors")
                        + " of " + reminder.trustName() + ":")
                .addContent(names)
                .addParagraph("Subject: " + reminder.subject() + ". It asks them to complete the assessment and submit it "
                        + "for sign-off before the cycle closes on " + Dates.format(reminder.closesOn())
                        + ", and it is recorded in the audit log and on the trust's home page.")
                .open();
    }

    private void send(SubmissionRow row, String cycleName) {
        try {
            int editors = benchmarks.sendReminder(row.trust().odsCode(), cycleName);
            show(Optional.of(cycleName));
            outcome.setText("Reminder sent to " + editors + (editors == 1 ? " editor" : " editors") + " of "
                    + row.trust().name() + ".");
            outcome.removeClassName("outcome-failed");
        } catch (BenchmarkService.ReminderRefused refused) {
            refuse(refused);
        }
    }

    private void refuse(BenchmarkService.ReminderRefused refused) {
        outcome.setText("Not sent: " + refused.getMessage());
        outcome.addClassName("outcome-failed");
    }
}
