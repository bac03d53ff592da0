package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextFieldBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import uk.nhs.strategycheck.admin.AdminProblem;
import uk.nhs.strategycheck.shared.PlainText;
import uk.nhs.strategycheck.shared.ui.ErrorSummary;
import uk.nhs.strategycheck.shared.ui.FieldProblem;

/**
 * The fields of an admin form by the names the services give their errors, and the form's error
 * summary: a refused save shows every error at once, each at its field, and keeps what was typed.
 */
final class AdminForm {

    private final ErrorSummary summary = new ErrorSummary();
    private final Map<String, Component> fields = new LinkedHashMap<>();

    /**
     * Names a field as the service names it in its errors. The form validates it on saving only, so
     * an error stays beside the field until the next save rather than going when the field is left.
     */
    <F extends Component & HasValidation & Focusable<?>> AdminForm field(String name, F field) {
        field.setManualValidation(true);
        fields.put(name, field);
        return this;
    }

    void removeFields(String namePrefix) {
        fields.keySet().removeIf(name -> name.startsWith(namePrefix));
    }

    /** The summary, to put at the top of the form. */
    ErrorSummary summary() {
        return summary;
    }

    /**
     * Runs the save unless a text field holds a hidden character; a refusal shows all its errors
     * in the summary. What the save returned, or empty when it was refused.
     */
    <T> Optional<T> save(Supplier<T> save) {
        summary.clear();
        var hidden = hiddenCharacters();
        if (!hidden.isEmpty()) {
            summary.show(hidden);
            return Optional.empty();
        }
        try {
            return Optional.of(save.get());
        } catch (AdminProblem refused) {
            show(refused);
            return Optional.empty();
        }
    }

    /** As {@link #save(Supplier)}, for a save that returns nothing: true when it was saved. */
    boolean save(Runnable save) {
        return save(() -> {
            save.run();
            return true;
        }).isPresent();
    }

    /** Shows a refusal: each field error at its field, anything else for the form as a whole. */
    void show(AdminProblem refused) {
        var problems = new ArrayList<FieldProblem>();
        if (refused instanceof AdminProblem.Invalid invalid) {
            for (var error : invalid.errors()) {
                problems.add(new FieldProblem(Optional.ofNullable(fields.get(error.field())), error.message()));
            }
        } else {
            problems.add(FieldProblem.general(refused.getMessage()));
        }
        summary.show(problems);
    }

    private List<FieldProblem> hiddenCharacters() {
        var problems = new ArrayList<FieldProblem>();
        for (var field : fields.values()) {
            if (field instanceof TextFieldBase<?, ?> text && text.isVisible() && text.getValue() instanceof String value) {
                var subject = text.getLabel() == null ? "What you typed" : text.getLabel();
                (text instanceof TextArea ? PlainText.problemInText(subject, value) : PlainText.problemInLine(subject, value))
                        .ifPresent(message -> problems.add(new FieldProblem(Optional.of(field), message)));
            }
        }
        return problems;
    }
}
