package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.strategycheck.assessment.Answer;
import uk.nhs.strategycheck.assessment.AnswerDraft;
import uk.nhs.strategycheck.assessment.AssessmentProblem;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.assessment.Framework;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;

/**
 * One statement: its score (the 1-5 scale), evidence note and links. Saves by itself when
 * the score changes, shortly after typing stops and when a field is left. Never throws
 * away what the user typed: a failed save says so, and a concurrent change by someone
 * else is shown beside the user's own answer until they choose.
 */
class StatementEditor extends Div {

    /** Saves a draft over the given version; see AssessmentService.saveAnswer. */
    interface Saver {
        Answer save(long statementId, AnswerDraft draft, int expectedVersion);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StatementEditor.class);
    private static final int SAVE_AFTER_TYPING_MS = 800;
    private static final int TRY_AGAIN_MS = 3000;
    /** How many of the page's statements are waiting to save again; the page polls while any is. */
    private static final String RETRYING_EDITORS = "statement-editors-trying-again";

    private final Framework.Statement statement;
    private final Framework framework;
    private final Saver saver;
    private final Consumer<Integer> onScoreChange;

    private final RadioButtonGroup<Integer> score = new RadioButtonGroup<>();
    private final TextArea evidence = new TextArea("Evidence");
    private final TextArea links = new TextArea("Evidence links (optional)");
    private final Span status = new Span();
    private final Div conflict = new Div();

    private Answer saved;
    private Registration tryingAgain;
    private UI pollingUi;

    StatementEditor(Framework.Statement statement, Framework framework, Answer answer,
                    Integer lastScore, boolean editable, Saver saver, Consumer<Integer> onScoreChange) {
        this.statement = statement;
        this.framework = framework;
        this.saver = saver;
        this.onScoreChange = onScoreChange;
        this.saved = answer;
        addClassName("statement");

        setId(anchorId(statement));
        // The statement itself is the question the radios answer (their legend); the heading
        // above it is only for finding one's way, so it names the statement by its number.
        var heading = new H2("Statement " + statement.code());
        heading.addClassName("statement-code");
        add(heading);
        if (lastScore != null) {
            var last = new Paragraph("Last time: " + lastScore + " (" + framework.scalePoint(lastScore).label() + ")");
            last.addClassName("last-time");
            add(last);
        }

        score.setLabel(statement.text());
        score.addClassName("statement-score");
        score.setItems(framework.scale().stream().map(Framework.ScalePoint::score).toList());
        score.setItemLabelGenerator(value -> {
            var point = framework.scalePoint(value);
            return value + " " + point.label() + ": " + point.meaning();
        });
        score.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);

        evidence.setMaxLength(AssessmentService.MAX_EVIDENCE);
        evidence.setWidthFull();
        evidence.setMinHeight("6em");
        evidence.setValueChangeMode(ValueChangeMode.LAZY);
        evidence.setValueChangeTimeout(SAVE_AFTER_TYPING_MS);

        links.setHelperText("One web address per line, starting with https://");
        links.setWidthFull();
        links.setValueChangeMode(ValueChangeMode.LAZY);
        links.setValueChangeTimeout(SAVE_AFTER_TYPING_MS);

        show(answer);
        score.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                onScoreChange.accept(change.getValue());
                saveIfChanged();
            }
        });
        evidence.addValueChangeListener(change -> {
            showCount();
            if (change.isFromClient()) {
                saveIfChanged();
            }
        });
        links.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                saveIfChanged();
            }
        });
        evidence.addBlurListener(blur -> saveIfChanged());
        links.addBlurListener(blur -> saveIfChanged());

        status.addClassName("save-status");
        status.getElement().setAttribute("aria-live", "polite");
        status.getElement().setAttribute("role", "status");
        conflict.addClassName("conflict");
        conflict.setVisible(false);

        score.setReadOnly(!editable);
        evidence.setReadOnly(!editable);
        links.setReadOnly(!editable);
        if (answer.updatedAt() != null && answer.updatedByName() != null) {
            status.setText("Last saved by " + answer.updatedByName() + " on " + Dates.dateTime(answer.updatedAt()));
        }
        add(score, evidence);
        if (editable) {
            add(links);
        } else {
            // Read-only, the links are links to follow, not text in a box.
            var title = new Paragraph("Evidence links");
            title.addClassName("evidence-links-title");
            add(title, answer.links().isEmpty() ? new Paragraph("None") : new EvidenceLinks(answer.links()));
        }
        add(conflict, status);
    }

    /** The id of a statement's part of its characteristic's page, for links to it. */
    static String anchorId(Framework.Statement statement) {
        return "statement-" + statement.code().toLowerCase();
    }

    /** Moves focus to the statement's score, as a link to the statement does. */
    void focusScore() {
        // A radio group takes focus on its chosen option, or else its first, as Tab would.
        score.getElement().executeJs("const input = this.querySelector('vaadin-radio-button[checked] input')"
                + " || this.querySelector('vaadin-radio-button input'); if (input) { input.focus(); }");
    }

    Integer currentScore() {
        return score.getValue();
    }

    Framework.Statement statement() {
        return statement;
    }

    /** Adds text to the end of the evidence note and saves it, as if the user had typed it there. */
    void addToEvidence(String text) {
        var note = evidence.getValue().strip();
        evidence.setValue(note.isEmpty() ? text : note + "\n" + text);
        saveIfChanged();
    }

    private void show(Answer answer) {
        score.setValue(answer.score());
        evidence.setValue(answer.evidence());
        links.setValue(String.join("\n", answer.links()));
        showCount();
    }

    private void showCount() {
        evidence.setHelperText(String.format("%,d of %,d characters", evidence.getValue().length(),
                AssessmentService.MAX_EVIDENCE));
    }

    private AnswerDraft draft() {
        var lines = Arrays.stream(links.getValue().split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new AnswerDraft(score.getValue(), evidence.getValue().strip(), lines);
    }

    private boolean unchanged(AnswerDraft draft) {
        return Objects.equals(draft.score(), saved.score())
                && draft.evidence().equals(saved.evidence().strip())
                && draft.links().equals(saved.links());
    }

    private void saveIfChanged() {
        if (score.isReadOnly() || conflict.isVisible()) {
            return;
        }
        var draft = draft();
        if (unchanged(draft)) {
            stopTryingAgain();
            return;
        }
        if (!PlainTextFields.check(evidence, links)) {
            failed("Not saved: " + (evidence.isInvalid() ? evidence : links).getErrorMessage());
            return;
        }
        try {
            saved = saver.save(statement.id(), draft, saved.version());
            stopTryingAgain();
            status.setText("Saved at " + Dates.time(saved.updatedAt()));
            status.removeClassName("save-failed");
        } catch (AssessmentProblem.NotSavedYet notYet) {
            failed("Not saved yet: trying again. The service could not reach its database for a moment; "
                    + "what you entered is still here.");
            tryAgainSoon();
        } catch (AssessmentProblem.AnswerConflict clash) {
            showConflict(clash.theirs(), clash.getMessage());
        } catch (AssessmentProblem.Invalid invalid) {
            var field = "links".equals(invalid.field()) ? links : evidence;
            field.setErrorMessage(invalid.getMessage());
            field.setInvalid(true);
            failed("Not saved: " + invalid.getMessage());
        } catch (AssessmentProblem problem) {
            failed("Not saved: " + problem.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.error("Saving statement {} failed", statement.id(), unexpected);
            failed("Not saved: something went wrong on our side. What you entered is still here, "
                    + "and will be saved when you next change it.");
        }
    }

    private void failed(String message) {
        status.setText(message);
        status.addClassName("save-failed");
    }

    /**
     * Saves again every few seconds until the save goes through, by polling: the browser asks the
     * service while nobody types, so an answer that could not be saved during a failover is saved
     * once the database is back, without the user doing anything.
     */
    private void tryAgainSoon() {
        if (tryingAgain != null) {
            return;
        }
        getUI().ifPresent(ui -> {
            tryingAgain = ui.addPollListener(poll -> saveIfChanged());
            pollingUi = ui;
            ComponentUtil.setData(ui, RETRYING_EDITORS, retryingEditors(ui) + 1);
            ui.setPollInterval(TRY_AGAIN_MS);
        });
    }

    private void stopTryingAgain() {
        if (tryingAgain == null) {
            return;
        }
        tryingAgain.remove();
        tryingAgain = null;
        // The UI the poll was started on: a statement left for another page keeps trying until saved.
        int still = retryingEditors(pollingUi) - 1;
        ComponentUtil.setData(pollingUi, RETRYING_EDITORS, still);
        if (still <= 0) {
            pollingUi.setPollInterval(-1);
        }
        pollingUi = null;
    }

    private static int retryingEditors(UI ui) {
        var count = ComponentUtil.getData(ui, RETRYING_EDITORS);
        return count instanceof Integer number ? number : 0;
    }

    /** Shows the other person's answer beside the user's own, which stays in the fields. */
    private void showConflict(Answer theirs, String message) {
        conflict.removeAll();
        var when = theirs.updatedAt() == null ? "" : " at " + Dates.time(theirs.updatedAt());
        conflict.add(new Paragraph(message + " Their answer, saved" + when + ":"));
        var theirScore = theirs.score() == null ? "no score"
                : theirs.score() + " " + framework.scalePoint(theirs.score()).label();
        var details = new Div(new Paragraph("Score: " + theirScore),
                new Paragraph("Evidence: " + (theirs.evidence().isBlank() ? "none" : theirs.evidence())));
        if (!theirs.links().isEmpty()) {
            details.add(new Paragraph("Links: " + String.join(", ", theirs.links())));
        }
        details.addClassName("their-answer");
        conflict.add(details, new Paragraph("Your answer is still in the form below it. Choose which to keep."));

        var keepMine = new Button("Keep my answer", click -> {
            saved = theirs;
            conflict.setVisible(false);
            if (unchanged(draft())) {
                status.setText("Your answer is the same as theirs, so there was nothing more to save.");
                status.removeClassName("save-failed");
            } else {
                saveIfChanged();
            }
        });
        keepMine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var useTheirs = new Button("Use their answer", click -> {
            saved = theirs;
            conflict.setVisible(false);
            show(theirs);
            onScoreChange.accept(theirs.score());
            status.setText("Showing the answer " + theirs.updatedByName() + " saved");
        });
        conflict.add(new Div(keepMine, useTheirs));
        conflict.getElement().setAttribute("role", "alert");
        conflict.setVisible(true);
        failed("Not saved: " + message);
    }
}
