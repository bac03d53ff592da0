package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import uk.nhs.strategycheck.assessment.Answer;
import uk.nhs.strategycheck.assessment.AssessmentPage;
import uk.nhs.strategycheck.assessment.AssessmentProblem;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.assessment.Framework;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;
import uk.nhs.strategycheck.shared.ui.ErrorSummary;
import uk.nhs.strategycheck.shared.ui.FieldProblem;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;

/**
 * The whole assessment on one page (the NHS "check your answers" pattern): per characteristic,
 * its rating, then each statement with its score in words and number, evidence, links and a
 * "Change" link while it can be changed, and its improvement actions. Editors submit from here
 * and approvers approve (with a declaration) or return it (with a reason), each after a
 * confirmation that says what will happen and who will be told.
 */
@Route(value = "check-your-answers", layout = MainLayout.class)
@PageTitle("Check your answers - Self-assessment - Digital Strategy Check")
@RolesAllowed({"TRUST_EDITOR", "TRUST_APPROVER", "TRUST_VIEWER"})
public class CheckYourAnswersView extends Main {

    private final AssessmentService assessments;
    private final ErrorSummary errors = new ErrorSummary();
    private final Div done = new Div();

    public CheckYourAnswersView(AssessmentService assessments) {
        this.assessments = assessments;
        addClassName("check-your-answers");
        FocusInSight.keep(this);
        FocusInSight.startAt(this);
        done.addClassName("done-panel");
        done.getElement().setAttribute("role", "status");
        done.getElement().setAttribute("tabindex", "-1");
        render();
    }

    private void render() {
        removeAll();
        errors.clear();
        done.removeAll();
        done.setVisible(false);
        var back = new RouterLink("Back to the overview", AssessmentView.class);
        back.addClassName("back-link");
        add(back, errors, done);
        var loaded = assessments.open();
        if (loaded.isEmpty()) {
            add(new H1("Check your answers"), new Paragraph("There is no assessment to show yet. Your trust's editors "
                    + "start it by opening the self-assessment while an assessment cycle is open."));
            return;
        }
        var page = loaded.get();
        add(new H1(page.can().submit() ? "Check your answers before you submit"
                : page.can().approve() ? "Check the answers before you approve" : "Check your answers"));
        var status = new Paragraph(page.trustName() + ", self-assessment " + page.cycle().name() + ". Status: "
                + page.status().label() + ". " + page.answeredCount() + " of " + page.framework().statementCount()
                + " statements answered.");
        status.addClassName("assessment-status");
        add(status);
        if (page.can().readOnlyReason() != null) {
            add(AssessmentView.callout(page.can().readOnlyReason()));
        }
        page.framework().characteristics().forEach(c -> add(characteristic(page, c)));
        add(decision(page));
    }

    private Section characteristic(AssessmentPage page, Framework.Characteristic characteristic) {
        var section = new Section();
        section.addClassName("answers-of-characteristic");
        var heading = new H2(characteristic.position() + ". " + characteristic.name());
        heading.setId("characteristic-" + characteristic.code().toLowerCase());
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        var rating = new Paragraph(new Span("Rating: "), RagBadge.of(page.rating(characteristic)));
        rating.addClassName("characteristic-rating");
        section.add(heading, rating);

        var list = new DescriptionList();
        list.addClassName("summary-list");
        for (var statement : characteristic.statements()) {
            list.add(row(page, characteristic, statement, page.answers().get(statement.id())));
        }
        section.add(list, new H3("Improvement actions"), actions(page, characteristic));
        return section;
    }

    /** One statement: the statement as the key, the answer as the value, and a way to change it. */
    private static Div row(AssessmentPage page, Framework.Characteristic characteristic, Framework.Statement statement,
                           Answer answer) {
        var key = new DescriptionList.Term(new Span(statement.code() + ": "), new Span(statement.text()));
        key.addClassName("summary-list-key");
        var value = new DescriptionList.Description();
        value.addClassName("summary-list-value");
        var score = new Paragraph(answer == null || answer.score() == null ? "Not scored"
                : answer.score() + " out of 5: " + page.framework().scalePoint(answer.score()).label());
        score.addClassName("answer-score");
        value.add(score);
        var evidence = answer == null || answer.evidence().isBlank() ? "No evidence given" : answer.evidence();
        var evidenceText = new Paragraph(evidence);
        evidenceText.addClassName("answer-evidence");
        value.add(evidenceText);
        if (answer != null && !answer.links().isEmpty()) {
            value.add(new EvidenceLinks(answer.links()));
        }
        var row = new Div(key, value);
        row.addClassName("summary-list-row");
        if (page.can().editAnswers()) {
            var change = CharacteristicView.linkTo("Change", characteristic, statement);
            var hidden = new Span(" the score and evidence of " + characteristic.name() + ", statement " + statement.code());
            hidden.addClassName("visually-hidden");
            change.add(hidden);
            var actions = new DescriptionList.Description(change);
            actions.addClassName("summary-list-actions");
            row.add(actions);
        }
        return row;
    }

    private static Component actions(AssessmentPage page, Framework.Characteristic characteristic) {
        var actions = page.actionsFor(characteristic);
        if (actions.isEmpty()) {
            return new Paragraph("No improvement actions.");
        }
        var list = new UnorderedList();
        list.addClassName("action-list");
        actions.forEach(a -> list.add(new ListItem(a.title() + ". Owner: " + a.ownerName() + ". Due: "
                + Dates.format(a.dueOn()) + ". Status: " + a.status().label() + ".")));
        return list;
    }

    private Component decision(AssessmentPage page) {
        var box = new Div();
        box.addClassName("workflow");
        if (page.can().submit()) {
            var submit = new Button("Submit for approval", click -> confirmSubmit(page));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(new H2("Now submit the assessment"),
                    new Paragraph(willEmail(page.approvers(), "approvers", " to ask them to approve it")), submit);
        }
        if (page.can().approve() || page.can().returnForChanges()) {
            box.add(new H2(page.can().approve() ? "Now approve the assessment or return it" : "Return the assessment"));
        }
        if (page.can().approve()) {
            var approve = new Button("Approve", click -> confirmApproval(page));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(approve);
        }
        if (page.can().returnForChanges()) {
            box.add(new Button("Return for changes", click -> returnDialog(page).open()));
        }
        return box;
    }

    /** Whom the step will e-mail, by name, and why; or that there is nobody to e-mail. */
    private static String willEmail(List<String> names, String group, String why) {
        return names.isEmpty()
                ? "Your trust has no " + group + " yet, so nobody can be emailed. Ask your region admin to add one."
                : "We will email your trust's " + group + why + ": " + String.join(", ", names) + ".";
    }

    private static String emailed(List<String> names, String group) {
        return names.isEmpty() ? "Your trust has no " + group + " to email yet."
                : "We have emailed your trust's " + group + ": " + String.join(", ", names) + ".";
    }

    private void confirmSubmit(AssessmentPage page) {
        new ConfirmationDialog("Submit the assessment for approval?", "Submit for approval",
                () -> act(() -> assessments.submit(page.assessmentId(), page.version()),
                        "Assessment submitted for approval. " + emailed(page.approvers(), "approvers")))
                .addParagraph("Once it is submitted, nobody can change its answers or actions unless an approver "
                        + "returns it.")
                .addParagraph(willEmail(page.approvers(), "approvers", " to ask them to approve it"))
                .open();
    }

    private void confirmApproval(AssessmentPage page) {
        var declaration = AssessmentService.approvalDeclaration(page);
        new ConfirmationDialog("Approve the assessment?", "Approve",
                () -> act(() -> assessments.approve(page.assessmentId(), page.version(), declaration),
                        "Assessment approved. Its answers are now frozen."))
                .addParagraph("Once approved, its answers are frozen: nobody can change them in the "
                        + page.cycle().name() + " cycle.")
                .addParagraph("Your integrated care system (ICS) can then see the trust's scores, evidence and "
                        + "actions, and they count towards the ICS, regional and national comparisons.")
                .requireDeclaration(declaration)
                .open();
    }

    private Dialog returnDialog(AssessmentPage page) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Return the assessment for changes?");
        dialog.addClassName("confirmation-dialog");
        var problems = new ErrorSummary();
        var reason = new TextArea("What needs to change");
        reason.setMaxLength(AssessmentService.MAX_REASON);
        reason.setRequired(true);
        reason.setManualValidation(true);
        reason.setWidthFull();
        reason.setHelperText("The editors see this with the assessment and in the email.");
        dialog.add(problems,
                new Paragraph("The assessment goes back to the editors, who can change its answers and submit it again."),
                new Paragraph(willEmail(page.editors(), "editors", " with what needs to change")),
                reason);
        var send = new Button("Return to editors", click -> {
            problems.clear();
            if (!PlainTextFields.check(reason)) {
                problems.show(FieldProblem.of(reason, reason.getErrorMessage()));
                return;
            }
            try {
                assessments.returnForChanges(page.assessmentId(), page.version(), reason.getValue());
                dialog.close();
                render();
                showDone("Assessment returned for changes. " + emailed(page.editors(), "editors"));
            } catch (AssessmentProblem.Invalid invalid) {
                problems.show(FieldProblem.of(reason, invalid.getMessage()));
            } catch (AssessmentProblem problem) {
                problems.show(FieldProblem.general(problem.getMessage()));
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), send);
        return dialog;
    }

    private void act(Runnable change, String doneText) {
        try {
            change.run();
            render();
            showDone(doneText);
        } catch (AssessmentProblem.Incomplete incomplete) {
            // Each statement still to score, as a link to it on its characteristic's page.
            errors.showLinks(incomplete.missing().stream()
                    .map(m -> CharacteristicView.linkTo("Score " + m.describe(), m.characteristic(), m.statement()))
                    .toList());
        } catch (AssessmentProblem problem) {
            errors.show(FieldProblem.general(problem.getMessage()));
        }
    }

    private void showDone(String text) {
        done.removeAll();
        done.add(new Paragraph(text));
        done.setVisible(true);
        // The button that was pressed is gone; focus goes to what happened.
        done.getElement().executeJs("this.focus()");
    }
}
