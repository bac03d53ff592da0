package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.Consumer;
import uk.nhs.strategycheck.assessment.ActionDraft;
import uk.nhs.strategycheck.assessment.ActionStatus;
import uk.nhs.strategycheck.assessment.AssessmentProblem;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.assessment.ImprovementAction;
import uk.nhs.strategycheck.shared.ui.ErrorSummary;
import uk.nhs.strategycheck.shared.ui.FieldProblem;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;

/**
 * Adds or changes one improvement action. Saving checks every field at once and lists every
 * problem in an error summary at the top; what was typed is kept.
 */
class ActionDialog extends Dialog {

    /** Saves the draft (a new action when existing is null) and returns the saved action. */
    interface Saver {
        ImprovementAction save(ActionDraft draft, ImprovementAction existing);
    }

    private final TextField title = new TextField("What will be done");
    private final TextField owner = new TextField("Owner");
    private final DatePicker dueOn = new DatePicker("Due date");
    private final Select<ActionStatus> status = new Select<>();
    private final ErrorSummary errors = new ErrorSummary();

    ActionDialog(long characteristicId, String characteristicName, ImprovementAction existing, Saver saver,
                 Consumer<ImprovementAction> onSaved) {
        setHeaderTitle((existing == null ? "Add an action: " : "Change action: ") + characteristicName);
        title.setMaxLength(200);
        title.setRequired(true);
        owner.setMaxLength(120);
        owner.setRequired(true);
        owner.setHelperText("A role or a person, for example Chief Clinical Information Officer");
        dueOn.setLocale(Locale.UK);
        dueOn.setRequired(true);
        // The date picker reads day/month/year, with or without leading zeros; the hint and every
        // message about the date give the same example.
        dueOn.setHelperText("Day/month/year, " + AssessmentService.DUE_DATE_EXAMPLE);
        status.setLabel("Status");
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(ActionStatus::label);
        status.setValue(ActionStatus.NOT_STARTED);
        // Checked when saved, all together, by the error summary; not one by one as fields are left.
        title.setManualValidation(true);
        owner.setManualValidation(true);
        dueOn.setManualValidation(true);
        status.setManualValidation(true);
        if (existing != null) {
            title.setValue(existing.title());
            owner.setValue(existing.ownerName());
            dueOn.setValue(existing.dueOn());
            status.setValue(existing.status());
        }

        var form = new FormLayout(title, owner, dueOn, status);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(errors, form);

        var save = new Button("Save action", click -> {
            errors.clear();
            if (!PlainTextFields.check(title, owner)) {
                var problems = new ArrayList<FieldProblem>();
                for (var field : new TextField[] {title, owner}) {
                    if (field.isInvalid()) {
                        problems.add(FieldProblem.of(field, field.getErrorMessage()));
                    }
                }
                errors.show(problems);
                return;
            }
            try {
                var saved = saver.save(new ActionDraft(characteristicId, title.getValue(), owner.getValue(),
                        dueOn.getValue(), status.getValue()), existing);
                onSaved.accept(saved);
                close();
            } catch (AssessmentProblem.Invalid invalid) {
                errors.show(invalid.fields().stream().map(this::problem).toList());
            } catch (AssessmentProblem refused) {
                errors.show(FieldProblem.general(refused.getMessage()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }

    private FieldProblem problem(AssessmentProblem.FieldMessage field) {
        return switch (field.field()) {
            case "title" -> FieldProblem.of(title, field.message());
            case "owner" -> FieldProblem.of(owner, field.message());
            case "dueOn" -> FieldProblem.of(dueOn, field.message());
            case "status" -> FieldProblem.of(status, field.message());
            default -> FieldProblem.general(field.message());
        };
    }
}
