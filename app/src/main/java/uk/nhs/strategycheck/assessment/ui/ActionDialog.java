package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.function.Consumer;
import uk.nhs.strategycheck.assessment.ActionDraft;
import uk.nhs.strategycheck.assessment.ActionStatus;
import uk.nhs.strategycheck.assessment.AssessmentProblem;
import uk.nhs.strategycheck.assessment.ImprovementAction;
import uk.nhs.strategycheck.shared.ui.PlainTextFields;

/** Adds or changes one improvement action. Keeps what was typed when a save is refused. */
class ActionDialog extends Dialog {

    /** Saves the draft (a new action when existing is null) and returns the saved action. */
    interface Saver {
        ImprovementAction save(ActionDraft draft, ImprovementAction existing);
    }

    private final TextField title = new TextField("What will be done");
    private final TextField owner = new TextField("Owner");
    private final DatePicker dueOn = new DatePicker("Due date");
    private final Select<ActionStatus> status = new Select<>();
    private final Paragraph problem = new Paragraph();

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
        dueOn.setHelperText("For example 31/03/2027");
        dueOn.setI18n(new DatePicker.DatePickerI18n()
                .setBadInputErrorMessage("Enter a real date, for example 31/03/2027.")
                .setRequiredErrorMessage("Enter the date the action is due."));
        status.setLabel("Status");
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(ActionStatus::label);
        status.setValue(ActionStatus.NOT_STARTED);
        if (existing != null) {
            title.setValue(existing.title());
            owner.setValue(existing.ownerName());
            dueOn.setValue(existing.dueOn());
            status.setValue(existing.status());
        }
        problem.addClassName("form-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);

        var form = new FormLayout(title, owner, dueOn, status);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(problem, form);

        var save = new Button("Save action", click -> {
            for (var field : new com.vaadin.flow.component.HasValidation[] {title, owner, dueOn, status}) {
                field.setInvalid(false);
            }
            problem.setVisible(false);
            if (dueOn.isInvalid() || !PlainTextFields.check(title, owner)) {
                return;
            }
            try {
                var saved = saver.save(new ActionDraft(characteristicId, title.getValue(), owner.getValue(),
                        dueOn.getValue(), status.getValue()), existing);
                onSaved.accept(saved);
                close();
            } catch (AssessmentProblem.Invalid invalid) {
                var field = switch (invalid.field()) {
                    case "title" -> title;
                    case "owner" -> owner;
                    case "dueOn" -> dueOn;
                    default -> (com.vaadin.flow.component.HasValidation) status;
                };
                field.setErrorMessage(invalid.getMessage());
                field.setInvalid(true);
            } catch (AssessmentProblem refused) {
                problem.setText(refused.getMessage());
                problem.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }
}
