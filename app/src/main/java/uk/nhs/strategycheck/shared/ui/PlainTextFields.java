package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextFieldBase;
import uk.nhs.strategycheck.shared.PlainText;

/**
 * Refuses hidden characters (PlainText) at the edge of the text fields of a form or filter,
 * before their values are used: a text area may hold tabs and line breaks, other fields only one
 * line. A field at fault keeps what was typed and says what to remove.
 */
public final class PlainTextFields {

    private PlainTextFields() {
    }

    /**
     * Marks each field valid or not by this check alone, and says whether all are plain text.
     * Call it before using their values, and before showing any other problem with them.
     */
    @SafeVarargs
    public static boolean check(TextFieldBase<?, String>... fields) {
        boolean plain = true;
        for (var field : fields) {
            var problem = field instanceof TextArea ? PlainText.problemInText("What you typed", field.getValue())
                    : PlainText.problemInLine("What you typed", field.getValue());
            problem.ifPresent(field::setErrorMessage);
            field.setInvalid(problem.isPresent());
            plain &= problem.isEmpty();
        }
        return plain;
    }
}
