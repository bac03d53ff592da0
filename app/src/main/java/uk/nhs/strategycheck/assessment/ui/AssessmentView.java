package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import uk.nhs.strategycheck.assessment.AssessmentPage;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.assessment.Framework;
import uk.nhs.strategycheck.assessment.ImprovementAction;
import uk.nhs.strategycheck.assessment.Transition;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/**
 * The trust's assessment at a glance: progress and score per characteristic against last
 * time, the next step (submission and sign-off happen on the check your answers page), the
 * history of both, and every improvement action.
 */
@Menu(title = "Self-assessment", order = 11)
@Route(value = "assessment", layout = MainLayout.class)
@PageTitle("Self-assessment - Digital Strategy Check")
@RolesAllowed({"TRUST_EDITOR", "TRUST_APPROVER", "TRUST_VIEWER"})
public class AssessmentView extends Main {

    private final AssessmentService assessments;

    public AssessmentView(AssessmentService assessments) {
        this.assessments = assessments;
        render();
    }

    private void render() {
        removeAll();
        var page = assessments.open();
        if (page.isEmpty()) {
            add(new H1("Self-assessment"),
                    new Paragraph("There is no assessment to show yet. Your trust's editors start it by opening "
                            + "this page while an assessment cycle is open."));
            return;
        }
        render(page.get());
    }

    private void render(AssessmentPage page) {
        add(new H1("Self-assessment " + page.cycle().name()));
        add(new Paragraph(page.trustName() + ". The cycle is open from " + Dates.format(page.cycle().opensOn())
                + " to " + Dates.format(page.cycle().closesOn()) + "."));

        var status = new Paragraph("Status: " + page.status().label());
        status.addClassName("assessment-status");
        add(status);
        if (page.can().readOnlyReason() != null) {
            add(callout(page.can().readOnlyReason()));
        }

        long total = page.framework().statementCount();
        var progressText = new Paragraph(page.answeredCount() + " of " + total + " statements answered");
        progressText.setId("overall-progress");
        var progress = new ProgressBar(0, total, page.answeredCount());
        progress.getElement().setAttribute("aria-labelledby", "overall-progress");
        add(progressText, progress);
        add(nextStep(page));

        add(new H2("Characteristics"), characteristics(page));
        add(new H2("Improvement actions"), actions(page));
        add(new H2("History"), history(page));
    }

    /** What to do next, and the way to the one page that shows the whole assessment. */
    private static Component nextStep(AssessmentPage page) {
        var box = new Div();
        box.addClassName("next-step");
        String text;
        String link;
        if (page.can().submit()) {
            text = page.answeredCount() < page.framework().statementCount()
                    ? "Score every statement, then check your answers and submit the assessment for approval."
                    : "Every statement is scored. Check your answers, then submit the assessment for approval.";
            link = "Check your answers and submit";
        } else if (page.can().approve()) {
            text = "This assessment is waiting for your approval.";
            link = "Check the answers, then approve or return";
        } else {
            text = "See every answer, its evidence and the actions on one page.";
            link = "Check your answers";
        }
        var go = new RouterLink(link, CheckYourAnswersView.class);
        go.addClassName("button-link");
        box.add(new Paragraph(text), go);
        return box;
    }

    private Component characteristics(AssessmentPage page) {
        var grid = new Grid<Framework.Characteristic>();
        grid.setAriaLabel("Characteristics: progress and score");
        var columns = ResponsiveGrid.on(grid);
        columns.addComponentColumn("Characteristic", c -> {
            var link = new RouterLink(c.position() + ". " + c.name(), CharacteristicView.class,
                    new RouteParameters("code", c.code().toLowerCase()));
            link.addClassName("characteristic-link");
            return link;
        }).setFlexGrow(4);
        columns.addColumn("Answered", c -> page.answeredCount(c) + " of " + c.statements().size());
        columns.addComponentColumn("Score", c -> RagBadge.of(page.rating(c))).setFlexGrow(2);
        if (page.lastCycleName().isPresent()) {
            columns.addColumn("Last time (" + page.lastCycleName().get() + ")",
                    c -> page.lastScore(c).map(BigDecimal::toPlainString).orElse("None"));
            columns.addColumn("Change", c -> RagBadge.change(page.score(c), page.lastScore(c)));
        }
        grid.setItems(page.framework().characteristics());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component actions(AssessmentPage page) {
        if (page.actions().isEmpty()) {
            return new Paragraph("No improvement actions yet. Add them on each characteristic's page.");
        }
        var grid = new Grid<ImprovementAction>();
        grid.setAriaLabel("Improvement actions");
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn("Action", ImprovementAction::title).setFlexGrow(3);
        columns.addColumn("Characteristic", a -> page.framework().characteristics().stream()
                .filter(c -> c.id() == a.characteristicId()).findFirst().map(Framework.Characteristic::name)
                .orElse("")).setFlexGrow(2);
        columns.addColumn("Owner", ImprovementAction::ownerName);
        columns.addColumn("Due", a -> Dates.format(a.dueOn()));
        columns.addColumn("Status", a -> a.status().label());
        grid.setItems(page.actions());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component history(AssessmentPage page) {
        if (page.history().isEmpty()) {
            return new Paragraph("Not yet submitted.");
        }
        var list = new UnorderedList();
        list.addClassName("history");
        for (Transition step : page.history()) {
            var item = new ListItem(step.to().label() + " by " + step.userName() + " on " + Dates.dateTime(step.at()));
            if (step.reason() != null) {
                item.add(new Paragraph("Reason: " + step.reason()));
            }
            list.add(item);
        }
        return list;
    }

    static Paragraph callout(String text) {
        var callout = new Paragraph(text);
        callout.addClassName("callout");
        return callout;
    }
}
