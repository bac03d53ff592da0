package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.AssessmentPage;
import uk.nhs.strategycheck.assessment.AssessmentProblem;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.assessment.Framework;
import uk.nhs.strategycheck.assessment.ImprovementAction;
import uk.nhs.strategycheck.assessment.Transition;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;

/**
 * The trust's assessment at a glance: progress and score per characteristic against last
 * time, submission and sign-off, the history of both, and every improvement action.
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
        add(new Paragraph(page.trustName() + ". Cycle open from " + Dates.format(page.cycle().opensOn())
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

        add(new H2("Characteristics"), characteristics(page));
        add(workflow(page));
        add(new H2("Improvement actions"), actions(page));
        add(new H2("History"), history(page));
    }

    private Grid<Framework.Characteristic> characteristics(AssessmentPage page) {
        var grid = new Grid<Framework.Characteristic>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Characteristics: progress and score");
        grid.addComponentColumn(c -> new RouterLink(c.position() + ". " + c.name(), CharacteristicView.class,
                        new RouteParameters("code", c.code().toLowerCase())))
                .setHeader("Characteristic").setFlexGrow(4);
        grid.addColumn(c -> page.answeredCount(c) + " of " + c.statements().size()).setHeader("Answered");
        grid.addComponentColumn(c -> new RagBadge(page.score(c))).setHeader("Score");
        if (page.lastCycleName().isPresent()) {
            grid.addColumn(c -> page.lastScore(c).map(BigDecimal::toPlainString).orElse("-"))
                    .setHeader("Last time (" + page.lastCycleName().get() + ")");
            grid.addColumn(c -> RagBadge.change(page.score(c), page.lastScore(c))).setHeader("Change");
        }
        grid.setItems(page.framework().characteristics());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component workflow(AssessmentPage page) {
        var box = new Div();
        box.addClassName("workflow");
        var problems = new Div();
        problems.addClassName("form-problem");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);
        box.add(problems);

        if (page.can().submit()) {
            var submit = new Button("Submit for sign-off", click -> act(problems,
                    () -> assessments.submit(page.assessmentId(), page.version())));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(submit);
        }
        if (page.can().approve()) {
            var approve = new Button("Approve", click -> act(problems,
                    () -> assessments.approve(page.assessmentId(), page.version(), AssessmentService.approvalDeclaration(page))));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            box.add(approve);
        }
        if (page.can().returnForChanges()) {
            box.add(new Button("Return for changes", click -> returnDialog(page).open()));
        }
        return box;
    }

    private Dialog returnDialog(AssessmentPage page) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Return for changes");
        var reason = new TextArea("What needs to change");
        reason.setMaxLength(AssessmentService.MAX_REASON);
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setHelperText("The editors see this with the assessment.");
        dialog.add(reason);
        var send = new Button("Return to editors", click -> {
            if (!PlainTextFields.check(reason)) {
                return;
            }
            try {
                assessments.returnForChanges(page.assessmentId(), page.version(), reason.getValue());
                dialog.close();
                render();
            } catch (AssessmentProblem.Invalid invalid) {
                reason.setErrorMessage(invalid.getMessage());
                reason.setInvalid(true);
            } catch (AssessmentProblem problem) {
                reason.setErrorMessage(problem.getMessage());
                reason.setInvalid(true);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), send);
        return dialog;
    }

    private void act(Div problems, Runnable change) {
        try {
            change.run();
            render();
        } catch (AssessmentProblem.Incomplete incomplete) {
            problems.removeAll();
            var list = new UnorderedList();
            incomplete.missing().forEach(missing -> list.add(new ListItem(missing.describe())));
            problems.add(new H2("Not submitted"), new Paragraph(incomplete.getMessage()), list);
            problems.setVisible(true);
        } catch (AssessmentProblem problem) {
            problems.removeAll();
            problems.add(new Paragraph(problem.getMessage()));
            problems.setVisible(true);
        }
    }

    private Component actions(AssessmentPage page) {
        if (page.actions().isEmpty()) {
            return new Paragraph("No improvement actions yet. Add them on each characteristic's page.");
        }
        var grid = new Grid<ImprovementAction>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Improvement actions");
        grid.addColumn(ImprovementAction::title).setHeader("Action").setFlexGrow(3);
        grid.addColumn(a -> page.framework().characteristics().stream()
                .filter(c -> c.id() == a.characteristicId()).findFirst().map(Framework.Characteristic::name)
                .orElse("")).setHeader("Characteristic").setFlexGrow(2);
        grid.addColumn(ImprovementAction::ownerName).setHeader("Owner");
        grid.addColumn(a -> Dates.format(a.dueOn())).setHeader("Due");
        grid.addColumn(a -> a.status().label()).setHeader("Status");
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
